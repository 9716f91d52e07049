import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { emailBrand } from '../email-brand.ts';
import { renderEmail } from '../render-email.ts';
import type { EmailContent } from './email-content.ts';

export interface PasswordResetEmailInput {
  /** The workspace it was asked on, or null for the platform (operators, resellers). */
  tenant: TenantContext | null;
  resetUrl: string;
  expiresAt: Date;
}

export function passwordResetEmail({ tenant, resetUrl, expiresAt }: PasswordResetEmailInput): EmailContent {
  const minutes = Math.max(1, Math.round((expiresAt.getTime() - Date.now()) / 60_000));
  const where = tenant?.name ?? 'Waypoint';
  const subject = `Choose a new password for ${where}`;
  const rendered = renderEmail({
    brand: emailBrand(tenant),
    preview: `Someone asked to reset your ${where} password.`,
    heading: 'Choose a new password',
    paragraphs: [
      `Someone (hopefully you) asked to reset the password of your ${where} account. Use the button below to choose a new one. The link works once and expires in ${minutes} minutes.`,
      'Choosing a new password signs you out everywhere else.',
    ],
    action: { label: 'Choose a new password', url: resetUrl },
    footnote: 'If you did not ask for this, you can ignore this email: your password stays as it is.',
  });
  return { subject, ...rendered };
}
