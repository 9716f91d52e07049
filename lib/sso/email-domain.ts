import { db } from '../db/client.ts';

// Which email addresses a workspace may sign in (SSO) or provision (SCIM): those whose domain
// it has proved it owns, through an SSO domain or a custom domain, both verified by DNS TXT.

/** The lower-cased domain of an email address, or null if it has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return email.slice(at + 1).trim().toLowerCase();
}

/** True when the tenant has verified the email's domain (SSO domain, or a custom domain with exactly that hostname). */
export async function isVerifiedEmailDomain(tenantId: string, email: string): Promise<boolean> {
  const domain = emailDomain(email);
  if (!domain) return false;
  const [sso, custom] = await Promise.all([
    db.ssoDomain.count({ where: { tenantId, domain, verifiedAt: { not: null } } }),
    db.domain.count({ where: { tenantId, hostname: domain, verifiedAt: { not: null } } }),
  ]);
  return sso + custom > 0;
}
