import { db, Prisma } from '../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { emitEvent } from '../events/domain-events.ts';
import { issueLoginToken } from '../auth/login-token.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { tenantOrigin } from '../config/env.ts';
import { conflict, parseInput } from '../http/problem.ts';
import { clearLocalTenantCache, notifyTenantChanged } from '../tenancy/tenant-cache.ts';
import { signupSchema } from './signup-schema.ts';

export interface SignupResult {
  tenantId: string;
  slug: string;
  userId: string;
  /** Where to send the browser: the new tenant's host, which signs the user in. */
  redirectTo: string;
}

const SLUG_TAKEN = 'This address is already taken. Pick another one.';

/**
 * Creates a workspace and its owner in one transaction: nothing is left behind when any
 * part fails. An existing user may create another workspace by giving their own password.
 */
export async function signUp(input: unknown, ip: string | null): Promise<SignupResult> {
  const data = parseInput(signupSchema, input);

  const [existingUser, slugOwner] = await Promise.all([
    db.user.findUnique({ where: { email: data.email }, select: { id: true, passwordHash: true } }),
    db.tenant.findUnique({ where: { slug: data.slug }, select: { id: true } }),
  ]);
  if (slugOwner) throw conflict(SLUG_TAKEN, { slug: SLUG_TAKEN });
  if (existingUser && !(await verifyPassword(data.password, existingUser.passwordHash))) {
    throw conflict('An account with this email already exists.', {
      email: 'An account with this email already exists. Enter its password to add a workspace to it, or sign in.',
    });
  }
  const passwordHash = existingUser ? null : await hashPassword(data.password);

  try {
    const result = await db.$transaction(async (tx) => {
      const user = existingUser ?? (await tx.user.create({ data: { email: data.email, name: data.name, passwordHash } }));
      const tenant = await tx.tenant.create({
        data: { slug: data.slug, name: data.workspaceName, status: 'trial', branding: { create: {} } },
      });
      await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: 'owner' } });
      await emitEvent(tx, tenant.id, 'user.created', { userId: user.id, email: data.email, name: existingUser ? null : data.name, role: 'owner' }, user.id);
      await recordAudit(tx, {
        tenantId: tenant.id,
        actor: { id: user.id, email: data.email },
        action: 'tenant.created',
        target: { type: 'tenant', id: tenant.id },
        ip,
        metadata: { slug: tenant.slug, name: tenant.name },
      });
      const token = await issueLoginToken(tx, user.id, tenant.id);
      // The slug may be cached as "unknown" from an earlier visit.
      await notifyTenantChanged(tx);
      return {
        tenantId: tenant.id,
        slug: tenant.slug,
        userId: user.id,
        redirectTo: `${tenantOrigin(tenant.slug)}/auth/handoff?token=${encodeURIComponent(token)}`,
      };
    });
    clearLocalTenantCache();
    return result;
  } catch (error) {
    // Two sign-ups racing for one slug or email: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const target = JSON.stringify(error.meta ?? {});
      if (target.includes('email')) throw conflict('An account with this email already exists.', { email: 'An account with this email already exists.' });
      throw conflict(SLUG_TAKEN, { slug: SLUG_TAKEN });
    }
    throw error;
  }
}
