import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../lib/auth/password.ts';
import { db } from '../../lib/db/client.ts';
import type { PlatformRole, Role, TenantStatus } from '../../lib/db/generated/enums.ts';
import { enableTwoFactor } from './staff-two-factor.ts';

export const TEST_PASSWORD = 'test-password-123';
let passwordHash: Promise<string> | undefined;

export function uniqueSlug(prefix = 't'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/**
 * A tenant on the enterprise plan unless `plan` says otherwise: most tests exercise features
 * (webhooks, custom domains, OAuth apps, branding, API keys…) that plans gate, and are not
 * about plans. Tests of plan limits pass the plan they are about (e.g. plan: 'free').
 */
export async function createTenant(options: { slug?: string; name?: string; status?: TenantStatus; plan?: string } = {}) {
  const slug = options.slug ?? uniqueSlug();
  return db.tenant.create({ data: { slug, name: options.name ?? `Tenant ${slug}`, status: options.status ?? 'active', plan: options.plan ?? 'enterprise', branding: { create: {} } } });
}

/** A member whose address is verified, as everyone who joins through an invitation is. */
export async function createMember(tenantId: string, role: Role = 'member', email = `${uniqueSlug('u')}@example.test`) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = await db.user.create({ data: { email, name: email.split('@')[0], passwordHash: await passwordHash, emailVerifiedAt: new Date() } });
  await db.membership.create({ data: { tenantId, userId: user.id, role } });
  return user;
}

/** The Member shape services take, for a user created by createMember. */
export async function memberOf(tenantId: string, userId: string) {
  const membership = await db.membership.findUniqueOrThrow({ where: { tenantId_userId: { tenantId, userId } }, include: { user: true } });
  return { userId, email: membership.user.email, name: membership.user.name, role: membership.role, membershipId: membership.id };
}

/** A tenant as the services see it (the cached context). */
export async function contextOf(tenantId: string) {
  const { loadTenantById } = await import('../../lib/tenancy/load-tenant.ts');
  const tenant = await loadTenantById(tenantId);
  if (!tenant) throw new Error(`no tenant ${tenantId}`);
  return tenant;
}

/** A member of the platform's staff with this role, with 2FA on (the console requires it). */
export async function createStaff(role: PlatformRole, email = `${uniqueSlug(role)}@staff.test`, data: { name?: string } = {}) {
  const user = await db.user.create({ data: { email, platformRole: role, emailVerifiedAt: new Date(), ...data } });
  await enableTwoFactor(user.id);
  return user;
}
