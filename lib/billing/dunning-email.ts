import { tenantOrigin } from '../config/env.ts';
import { emailLocaleFor } from '../email/email-language.ts';
import { formatDateTime } from '../email/format-date.ts';
import { notificationEmail } from '../email/templates/notification-email.ts';
import type { EmailContent } from '../email/templates/email-content.ts';
import type { Language } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import type { DunningStep } from './dunning-schedule.ts';

// The branded emails of a dunning sequence. Each links to the billing page, where owners open
// Stripe's customer portal to update the card and pay the invoice.

/** The billing page on the workspace's platform subdomain (it always resolves). */
export function billingPageUrl(tenant: Pick<TenantContext, 'slug'>): string {
  return `${tenantOrigin(tenant.slug)}/settings/billing`;
}

export interface DunningEmailInput {
  tenant: TenantContext;
  step: DunningStep;
  /** When the workspace is (or was) suspended if the invoice stays unpaid. */
  suspendAt: Date;
  /** The recipient's language and locale (lib/email/email-language.ts); the workspace's when absent. */
  language?: Language;
  locale?: string;
}

export async function dunningEmail({ tenant, step, suspendAt, language, locale }: DunningEmailInput): Promise<EmailContent> {
  const workspace = emailLocaleFor(tenant, null);
  const lang = language ?? workspace.language;
  const t = await translatorFor(lang, tenant.branding);
  const values = { workspace: tenant.name, deadline: formatDateTime(suspendAt, tenant.timeZone, locale ?? workspace.locale) };
  const action = { label: step === 'suspended' ? t('email.dunning.actionPay') : t('email.dunning.actionUpdate'), url: billingPageUrl(tenant) };
  if (step === 'suspended') {
    return notificationEmail({
      tenant,
      subject: t('email.dunning.suspended.subject', values),
      heading: t('email.dunning.suspended.heading', values),
      paragraphs: [t('email.dunning.suspended.lead', values), t('email.dunning.suspended.owners')],
      action,
      language: lang,
    });
  }
  return notificationEmail({
    tenant,
    subject: t(`email.dunning.${step}.subject`, values),
    heading: t(`email.dunning.${step}.heading`, values),
    paragraphs: [t(`email.dunning.${step}.lead`, values), t(`email.dunning.${step}.deadline`, values), t('email.dunning.howToPay')],
    action,
    footnote: t('email.dunning.alreadyPaid'),
    language: lang,
  });
}
