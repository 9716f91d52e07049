import { tenantOrigin } from '../config/env.ts';
import { formatDateTime } from '../email/format-date.ts';
import { notificationEmail } from '../email/templates/notification-email.ts';
import type { EmailContent } from '../email/templates/email-content.ts';
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
}

export function dunningEmail({ tenant, step, suspendAt }: DunningEmailInput): EmailContent {
  const name = tenant.name;
  const deadline = formatDateTime(suspendAt, tenant.timeZone);
  const action = { label: step === 'suspended' ? 'Pay and restore access' : 'Update payment method', url: billingPageUrl(tenant) };
  const howToPay = 'Open the billing page and choose “Manage billing” to update the card and pay the open invoice. Only workspace owners can do this.';
  switch (step) {
    case 'day0':
      return notificationEmail({
        tenant,
        subject: `Payment failed for ${name}`,
        heading: 'Your payment failed',
        paragraphs: [
          `We could not collect the latest payment for ${name}.`,
          `Please update the payment method before ${deadline}; after that, ${name} will be suspended until the invoice is paid.`,
          howToPay,
        ],
        action,
        footnote: 'If you have already paid, you can ignore this email.',
      });
    case 'day3':
      return notificationEmail({
        tenant,
        subject: `Reminder: the payment for ${name} is still due`,
        heading: 'Your payment is still due',
        paragraphs: [`The latest invoice for ${name} is still unpaid.`, `To keep ${name} running, pay it before ${deadline}.`, howToPay],
        action,
        footnote: 'If you have already paid, you can ignore this email.',
      });
    case 'day7':
      return notificationEmail({
        tenant,
        subject: `Final reminder: ${name} will be suspended on ${deadline}`,
        heading: `${name} will be suspended soon`,
        paragraphs: [
          `The latest invoice for ${name} is still unpaid after a week.`,
          `If it is not paid before ${deadline}, ${name} will be suspended: members will not be able to use it until the invoice is paid.`,
          howToPay,
        ],
        action,
        footnote: 'If you have already paid, you can ignore this email.',
      });
    case 'suspended':
      return notificationEmail({
        tenant,
        subject: `${name} has been suspended for non-payment`,
        heading: `${name} is suspended`,
        paragraphs: [
          `The latest invoice for ${name} was not paid within 14 days, so the workspace has been suspended. Members see an “account suspended” page; nothing has been deleted.`,
          'Owners can still sign in and open the billing page. As soon as the invoice is paid, access is restored for everyone.',
        ],
        action,
      });
  }
}
