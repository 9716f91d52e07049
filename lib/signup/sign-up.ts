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

type Tx = Prisma.TransactionClient;

export interface NewWorkspace {
  slug: string;
  name: string;
  /** The reseller that sells and owns this client workspace (lib/resellers/clients.ts). */
  resellerId?: string | null;
}

/** 409 when the address is taken (a race past this check is decided by the unique index: slugTakenError). */
export async function assertSlugFree(slug: string): Promise<void> {
  if (await db.tenant.findUnique({ where: { slug }, select: { id: true } })) throw conflict(SLUG_TAKEN, { slug: SLUG_TAKEN });
}

export function slugTakenError() {
  return conflict(SLUG_TAKEN, { slug: SLUG_TAKEN });
}

/**
 * The workspace itself, inside the caller's transaction: the tenant (trial), its branding and
 * the tenant.created audit entry, and the tenant cache told about the new slug. Sign-up adds
 * its owner; a reseller adds an owner invitation.
 */
export async function createWorkspaceRecord(tx: Tx, workspace: NewWorkspace, actor: { id: string; email: string }, ip: string | null, metadata: Prisma.InputJsonObject = {}) {
  const tenant = await tx.tenant.create({
    data: { slug: workspace.slug, name: workspace.name, status: 'trial', resellerId: workspace.resellerId ?? null, branding: { create: {} } },
  });
  await recordAudit(tx, {
    tenantId: tenant.id,
    actor,
    action: 'tenant.created',
    target: { type: 'tenant', id: tenant.id },
    ip,
    metadata: { slug: tenant.slug, name: tenant.name, ...metadata },
  });
  // The slug may be cached as "unknown" from an earlier visit.
  await notifyTenantChanged(tx);
  return tenant;
}

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
      const tenant = await createWorkspaceRecord(tx, { slug: data.slug, name: data.workspaceName }, { id: user.id, email: data.email }, ip);
      await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: 'owner' } });
      await emitEvent(tx, tenant.id, 'user.created', { userId: user.id, email: data.email, name: existingUser ? null : data.name, role: 'owner' }, user.id);
      const token = await issueLoginToken(tx, user.id, tenant.id, 'signup');
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
