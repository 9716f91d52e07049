import type { Language } from '../../i18n/languages.ts';
import { DEFAULT_LANGUAGE } from '../../i18n/languages.ts';
import { translatorFor } from '../../i18n/translator.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { emailBrand } from '../email-brand.ts';
import { renderEmail } from '../render-email.ts';
import type { EmailContent } from './email-content.ts';

// Support ticket notifications (lib/support/ticket-emails.ts): a new ticket to the answering
// side, each comment to the other side, resolved and reopened tickets. Workspace admins get
// their workspace's brand; partners and operators get Waypoint's.

export type SupportEmailEvent = 'opened' | 'comment' | 'resolved' | 'reopened';

export interface SupportEmailInput {
  /** The workspace whose brand the message carries, or null for platform mail. */
  tenant: TenantContext | null;
  event: SupportEmailEvent;
  ticket: { number: number; subject: string; priority: string };
  /** Who acted, as the recipient knows them, in `language`: "Dana at Acme", "Northstar Labs", "Waypoint support". */
  actor: string;
  /** The message written, if any (quoted, cut at 2,000 characters). */
  body: string | null;
  /** The ticket was resolved by this comment. */
  resolved?: boolean;
  url: string;
  /** The recipient's language (lib/email/email-language.ts); English when absent. */
  language?: Language;
}

const MAX_QUOTE = 2000;

export async function supportTicketEmail({ tenant, event, ticket, actor, body, resolved, url, language = DEFAULT_LANGUAGE }: SupportEmailInput): Promise<EmailContent> {
  const t = await translatorFor(language, tenant?.branding ?? null);
  const reference = t('email.supportTicket.reference', { number: String(ticket.number), subject: ticket.subject });
  const quote = body ? [body.length > MAX_QUOTE ? `${body.slice(0, MAX_QUOTE)}…` : body] : [];
  const key = event === 'comment' && resolved ? 'commentResolved' : event;
  const values = { ticket: reference, actor, priority: ticket.priority };
  const text = {
    subject: t(`email.supportTicket.${key}.subject`, values),
    heading: t(`email.supportTicket.${key}.heading`, values),
    lead: t(`email.supportTicket.${key}.lead`, values),
  };
  const rendered = renderEmail({ brand: emailBrand(tenant), language, preview: text.lead, heading: text.heading, paragraphs: [text.lead, ...quote], action: { label: t('email.supportTicket.action'), url } });
  return { subject: text.subject, ...rendered };
}
