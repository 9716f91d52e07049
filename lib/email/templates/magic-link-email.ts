import type { Language } from '../../i18n/languages.ts';
import { translatorFor } from '../../i18n/translator.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { emailBrand } from '../email-brand.ts';
import { emailLocaleFor } from '../email-language.ts';
import { renderEmail } from '../render-email.ts';
import type { EmailContent } from './email-content.ts';

export interface MagicLinkEmailInput {
  tenant: TenantContext;
  signInUrl: string;
  expiresAt: Date;
  /** The member's language (lib/email/email-language.ts); the workspace's when absent. */
  language?: Language;
}

export async function magicLinkEmail({ tenant, signInUrl, expiresAt, language }: MagicLinkEmailInput): Promise<EmailContent> {
  const minutes = Math.max(1, Math.round((expiresAt.getTime() - Date.now()) / 60_000));
  const lang = language ?? emailLocaleFor(tenant, null).language;
  const t = await translatorFor(lang, tenant.branding);
  const workspace = tenant.name;
  const subject = t('email.magicLink.subject', { workspace });
  const rendered = renderEmail({
    brand: emailBrand(tenant),
    language: lang,
    preview: t('email.magicLink.preview', { workspace }),
    heading: subject,
    paragraphs: [t('email.magicLink.body', { workspace, minutes })],
    action: { label: t('email.magicLink.action', { workspace }), url: signInUrl },
    footnote: t('email.magicLink.footnote'),
  });
  return { subject, ...rendered };
}
