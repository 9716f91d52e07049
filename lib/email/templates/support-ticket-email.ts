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
  /** Who acted, as the recipient knows them: "Dana at Acme", "Northstar Labs", "Waypoint support". */
  actor: string;
  /** The message written, if any (quoted, cut at 2,000 characters). */
  body: string | null;
  /** The ticket was resolved by this comment. */
  resolved?: boolean;
  url: string;
}

const MAX_QUOTE = 2000;

export function supportTicketEmail({ tenant, event, ticket, actor, body, resolved, url }: SupportEmailInput): EmailContent {
  const ref = `#${ticket.number} ${ticket.subject}`;
  const quote = body ? [body.length > MAX_QUOTE ? `${body.slice(0, MAX_QUOTE)}…` : body] : [];
  const text = {
    opened: { subject: `New support ticket ${ref}`, heading: `New ${ticket.priority} priority ticket from ${actor}`, lead: `${actor} opened support ticket ${ref}:` },
    comment: {
      subject: `${resolved ? 'Resolved' : 'New reply'}: ${ref}`,
      heading: resolved ? `${actor} answered and resolved your ticket` : `${actor} replied`,
      lead: resolved ? `${actor} answered support ticket ${ref} and marked it resolved. Reply within 14 days to reopen it.` : `${actor} wrote on support ticket ${ref}:`,
    },
    resolved: { subject: `Resolved: ${ref}`, heading: 'Your ticket was resolved', lead: `${actor} marked support ticket ${ref} resolved. If it is not, reopen it within 14 days.` },
    reopened: { subject: `Reopened: ${ref}`, heading: `${actor} reopened a ticket`, lead: `${actor} reopened support ticket ${ref}; it waits on your answer again.` },
  }[event];
  const rendered = renderEmail({ brand: emailBrand(tenant), preview: text.lead, heading: text.heading, paragraphs: [text.lead, ...quote], action: { label: 'Open the ticket', url } });
  return { subject: text.subject, ...rendered };
}
