import { db } from '../db/client.ts';
import { emailLocaleFor } from '../email/email-language.ts';
import { queueEmail } from '../email/send-email.ts';
import { afterResponse } from '../http/after-response.ts';
import { magicLinkEmail } from '../email/templates/magic-link-email.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

// Sign-in links by email (next-auth's Email provider) on tenant hosts. Only members of the
// tenant get one; everyone else gets the same "check your email" answer and no email, so
// the form does not reveal who is a member. The answer does the same work for every address
// (next-auth looks the address up and stores a token either way); whether to send, and the
// sending, happen after the response has gone.

export const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;
/** Links per address and tenant within one link lifetime: enough for retries, too few to flood an inbox. */
export const MAX_MAGIC_LINKS_PER_WINDOW = 5;
export const MAGIC_LINK_KIND = 'magic_link';

export interface MemberUser {
  id: string;
  email: string;
  name: string | null;
}

/** The user with this email if they are a member of the tenant, else null. */
export async function findMemberByEmail(tenantId: string, email: string): Promise<MemberUser | null> {
  return db.user.findFirst({ where: { email: email.trim().toLowerCase(), memberships: { some: { tenantId } } }, select: { id: true, email: true, name: true } });
}

async function recentlySent(tenantId: string, email: string): Promise<number> {
  const since = new Date(Date.now() - MAGIC_LINK_MAX_AGE_SECONDS * 1000);
  return db.emailMessage.count({ where: { tenantId, to: email, kind: MAGIC_LINK_KIND, createdAt: { gte: since } } });
}

/** next-auth's sendVerificationRequest: after the response, the branded email, to members only, rate-limited. */
export async function sendMagicLink(tenant: TenantContext, request: { identifier: string; url: string; expires: Date }): Promise<void> {
  afterResponse(async () => {
    const member = await findMemberByEmail(tenant.id, request.identifier);
    if (!member || (await recentlySent(tenant.id, member.email)) >= MAX_MAGIC_LINKS_PER_WINDOW) return;
    // In the member's own language, else the workspace's.
    const membership = await db.membership.findUnique({ where: { tenantId_userId: { tenantId: tenant.id, userId: member.id } }, select: { locale: true } });
    const content = await magicLinkEmail({ tenant, signInUrl: request.url, expiresAt: request.expires, language: emailLocaleFor(tenant, membership).language });
    await queueEmail({ tenant, to: member.email, kind: MAGIC_LINK_KIND, ...content });
  });
}
