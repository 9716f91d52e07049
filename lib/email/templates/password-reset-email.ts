import { DEFAULT_LANGUAGE, type Language } from '../../i18n/languages.ts';
import { translatorFor } from '../../i18n/translator.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { emailBrand } from '../email-brand.ts';
import { emailLocaleFor } from '../email-language.ts';
import { renderEmail } from '../render-email.ts';
import type { EmailContent } from './email-content.ts';

export interface PasswordResetEmailInput {
  /** The workspace it was asked on, or null for the platform (operators, resellers). */
  tenant: TenantContext | null;
  resetUrl: string;
  expiresAt: Date;
  /** The recipient's language (a member's own, else the workspace's; on the platform, the page's). */
  language?: Language;
}

export async function passwordResetEmail({ tenant, resetUrl, expiresAt, language }: PasswordResetEmailInput): Promise<EmailContent> {
  const minutes = Math.max(1, Math.round((expiresAt.getTime() - Date.now()) / 60_000));
  const lang = language ?? (tenant ? emailLocaleFor(tenant, null).language : DEFAULT_LANGUAGE);
  const t = await translatorFor(lang, tenant?.branding ?? null);
  const where = tenant?.name ?? 'Waypoint';
  const subject = t('email.passwordReset.subject', { where });
  const rendered = renderEmail({
    brand: emailBrand(tenant),
    language: lang,
    preview: t('email.passwordReset.preview', { where }),
    heading: t('email.passwordReset.heading'),
    paragraphs: [t('email.passwordReset.body', { where, minutes }), t('email.passwordReset.signsOut')],
    action: { label: t('email.passwordReset.action'), url: resetUrl },
    footnote: t('email.passwordReset.footnote'),
  });
  return { subject, ...rendered };
}
