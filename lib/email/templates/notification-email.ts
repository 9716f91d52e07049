import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { emailBrand } from '../email-brand.ts';
import { renderEmail, type EmailAction } from '../render-email.ts';
import type { EmailContent } from './email-content.ts';

export interface NotificationEmailInput {
  tenant: TenantContext | null;
  subject: string;
  heading: string;
  /** Plain text; callers name things with the tenant's terminology (lib/branding/terminology.ts). */
  paragraphs: string[];
  action?: EmailAction;
  footnote?: string;
}

/** A branded message for anything that has no template of its own (reminders, digests…). */
export function notificationEmail({ tenant, subject, heading, paragraphs, action, footnote }: NotificationEmailInput): EmailContent {
  const rendered = renderEmail({ brand: emailBrand(tenant), preview: paragraphs[0] ?? heading, heading, paragraphs, action, footnote });
  return { subject, ...rendered };
}
