import { term } from '../../branding/terminology.ts';
import type { Role } from '../../db/generated/enums.ts';
import { roleWithArticle } from '../../members/invitation-schema.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { emailBrand } from '../email-brand.ts';
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
}

export function invitationEmail({ tenant, inviterName, role, acceptUrl, expiresAt }: InvitationEmailInput): EmailContent {
  const t = tenant.branding.terminology;
  const who = inviterName ?? 'An administrator';
  const subject = `${who} invited you to join ${tenant.name}`;
  const rendered = renderEmail({
    brand: emailBrand(tenant),
    preview: `Join ${tenant.name} as ${roleWithArticle(role)}.`,
    heading: `Join ${tenant.name}`,
    paragraphs: [
      `${who} invited you to join ${tenant.name} as ${roleWithArticle(role)}.`,
      `There you set ${term(t, 'goals')}, keep up ${term(t, 'habits')} and work on them with your ${term(t, 'teams')}.`,
    ],
    action: { label: 'Accept invitation', url: acceptUrl },
    footnote: `This invitation expires on ${formatDateTime(expiresAt, tenant.timeZone)}. If you were not expecting it, you can ignore this email.`,
  });
  return { subject, ...rendered };
}
