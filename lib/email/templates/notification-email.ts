import type { Language } from '../../i18n/languages.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { emailBrand } from '../email-brand.ts';
import { renderEmail, type EmailAction } from '../render-email.ts';
import type { EmailContent } from './email-content.ts';

export interface NotificationEmailInput {
  tenant: TenantContext | null;
  subject: string;
  heading: string;
  /** Plain text, in `language`; callers word it from the catalogs (translatorFor, lib/i18n/translator.ts). */
  paragraphs: string[];
  action?: EmailAction;
  footnote?: string;
  /**
   * The language the caller wrote the text in (the recipient's: lib/email/email-language.ts),
   * for the layout's own words and the message's direction. English when absent.
   */
  language?: Language;
}

/** A branded message for anything that has no template of its own (reminders, digests…). */
export function notificationEmail({ tenant, subject, heading, paragraphs, action, footnote, language }: NotificationEmailInput): EmailContent {
  const rendered = renderEmail({ brand: emailBrand(tenant), language, preview: paragraphs[0] ?? heading, heading, paragraphs, action, footnote });
  return { subject, ...rendered };
}
