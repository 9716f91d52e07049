import type { Role } from '../../db/generated/enums.ts';
import type { Language } from '../../i18n/languages.ts';
import { translatorFor } from '../../i18n/translator.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { emailBrand } from '../email-brand.ts';
import { emailLocaleFor } from '../email-language.ts';
import { formatDateTime } from '../format-date.ts';
import { renderEmail } from '../render-email.ts';
import type { EmailContent } from './email-content.ts';

export interface InvitationEmailInput {
  tenant: TenantContext;
  /** Name (or email) of the person who sent the invitation; null if they have left. */
  inviterName: string | null;
  role: Role;
  acceptUrl: string;
  expiresAt: Date;
  /** The recipient's language and locale (lib/email/email-language.ts); the workspace's when absent, as an invitee is not a member yet. */
  language?: Language;
  locale?: string;
}

export async function invitationEmail({ tenant, inviterName, role, acceptUrl, expiresAt, language, locale }: InvitationEmailInput): Promise<EmailContent> {
  const workspace = emailLocaleFor(tenant, null);
  const lang = language ?? workspace.language;
  const t = await translatorFor(lang, tenant.branding);
  const values = { workspace: tenant.name, role };
  const subject = inviterName ? t('email.invitation.subject', { inviter: inviterName, workspace: tenant.name }) : t('email.invitation.subjectNoInviter', { workspace: tenant.name });
  const rendered = renderEmail({
    brand: emailBrand(tenant),
    language: lang,
    preview: t('email.invitation.preview', values),
    heading: t('email.invitation.heading', values),
    paragraphs: [inviterName ? t('email.invitation.lead', { ...values, inviter: inviterName }) : t('email.invitation.leadNoInviter', values), t('email.invitation.about')],
    action: { label: t('email.invitation.action'), url: acceptUrl },
    footnote: t('email.invitation.footnote', { date: formatDateTime(expiresAt, tenant.timeZone, locale ?? workspace.locale) }),
  });
  return { subject, ...rendered };
}
