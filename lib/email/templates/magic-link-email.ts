import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { emailBrand } from '../email-brand.ts';
import { renderEmail } from '../render-email.ts';
import type { EmailContent } from './email-content.ts';

export interface MagicLinkEmailInput {
  tenant: TenantContext;
  signInUrl: string;
  expiresAt: Date;
}

export function magicLinkEmail({ tenant, signInUrl, expiresAt }: MagicLinkEmailInput): EmailContent {
  const minutes = Math.max(1, Math.round((expiresAt.getTime() - Date.now()) / 60_000));
  const subject = `Sign in to ${tenant.name}`;
  const rendered = renderEmail({
    brand: emailBrand(tenant),
    preview: `Your sign-in link for ${tenant.name}.`,
    heading: subject,
    paragraphs: [`Use the button below to sign in to ${tenant.name}. The link works once and expires in ${minutes} minutes.`],
    action: { label: `Sign in to ${tenant.name}`, url: signInUrl },
    footnote: 'If you did not ask for this link, you can ignore this email: nobody can sign in without it.',
  });
  return { subject, ...rendered };
}
