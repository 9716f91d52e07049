import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/record-audit.ts';
import { db, Prisma } from '../db/client.ts';
import type { Role, Tenant } from '../db/generated/client.ts';
import { RESERVED_SLUGS } from '../signup/reserved-slugs.ts';
import { SLUG_PATTERN, suggestSlug } from '../signup/signup-schema.ts';
import { clearLocalTenantCache, notifyTenantChanged } from '../tenancy/tenant-cache.ts';
import type { PartnerUserRole } from './partner-schema.ts';

// A partner's sandbox: an ordinary workspace (Tenant.sandboxOfPartnerId) made when the partner
// is approved, on the enterprise plan with no trial and no bill, where its unpublished apps can
// be installed and tried end to end (lib/marketplace shows them there). The partner's owners are
// its owners and its developers its admins, so they sign in on the sandbox's own host with the
// same email and password; billing contacts are not members. A little demo content (a team,
// goals, habits with a streak) gives an app something to read from the start.

type Tx = Prisma.TransactionClient;

/** The sandbox's role for a partner role, or null: not a member of the sandbox. */
export function sandboxRoleFor(role: PartnerUserRole | string): Role | null {
  if (role === 'owner') return 'owner';
  if (role === 'developer') return 'admin';
  return null;
}

function sandboxSlugBase(partnerSlug: string): string {
  // Workspace slugs are at most 32 characters: room for "-sandbox".
  const base = suggestSlug(partnerSlug).slice(0, 24).replace(/-+$/g, '') || 'partner';
  return `${base.length < 2 ? `${base}-p` : base}-sandbox`;
}

async function freeSandboxSlug(tx: Tx, partnerSlug: string): Promise<string> {
  const base = sandboxSlugBase(partnerSlug);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const slug = attempt === 0 ? base : `${base.slice(0, 25)}-${randomBytes(3).toString('hex')}`;
    if (!SLUG_PATTERN.test(slug) || RESERVED_SLUGS.has(slug)) continue;
    if (!(await tx.tenant.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
  return `sandbox-${randomBytes(6).toString('hex')}`;
}

/**
 * The partner's sandbox workspace, made on first call (approval does it; any later call returns
 * the same workspace). Safe to call concurrently: a per-partner lock serializes the creation.
 */
export async function ensurePartnerSandbox(partnerId: string): Promise<Tenant> {
  const existing = await db.tenant.findUnique({ where: { sandboxOfPartnerId: partnerId } });
  if (existing) return existing;
  const tenant = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`partner-sandbox:${partnerId}`}))`;
    const again = await tx.tenant.findUnique({ where: { sandboxOfPartnerId: partnerId } });
    if (again) return again;
    const partner = await tx.partner.findUnique({
      where: { id: partnerId },
      select: { id: true, name: true, slug: true, users: { orderBy: { createdAt: 'asc' }, select: { userId: true, role: true, user: { select: { email: true } } } } },
    });
    if (!partner) throw new Error(`ensurePartnerSandbox: no partner ${partnerId}`);
    const created = await tx.tenant.create({
      data: {
        slug: await freeSandboxSlug(tx, partner.slug),
        name: `${partner.name} sandbox`.slice(0, 80),
        status: 'active',
        plan: 'enterprise',
        sandboxOfPartnerId: partner.id,
        branding: { create: {} },
      },
    });
    await recordAudit(tx, {
      tenantId: created.id,
      actor: null,
      action: 'tenant.created',
      target: { type: 'tenant', id: created.id },
      ip: null,
      metadata: { slug: created.slug, name: created.name, sandboxOfPartnerId: partner.id, partnerName: partner.name },
    });
    for (const user of partner.users) {
      const role = sandboxRoleFor(user.role);
      if (role) await tx.membership.create({ data: { tenantId: created.id, userId: user.userId, role } });
    }
    const first = partner.users.find((user) => sandboxRoleFor(user.role));
    if (first) await seedSandboxContent(tx, created.id, first.userId);
    await notifyTenantChanged(tx);
    return created;
  });
  clearLocalTenantCache();
  return tenant;
}

/**
 * Keeps a partner user's sandbox membership in line with their partner role (inside the
 * caller's transaction): added, changed, or removed (role null: they left the partner). A
 * sandbox without content gets its demo content with its first member.
 */
export async function syncSandboxMember(tx: Tx, partnerId: string, userId: string, partnerRole: PartnerUserRole | null): Promise<void> {
  const sandbox = await tx.tenant.findUnique({ where: { sandboxOfPartnerId: partnerId }, select: { id: true } });
  if (!sandbox) return;
  const role = partnerRole ? sandboxRoleFor(partnerRole) : null;
  const key = { tenantId_userId: { tenantId: sandbox.id, userId } };
  if (!role) {
    await tx.membership.deleteMany({ where: { tenantId: sandbox.id, userId } });
    return;
  }
  await tx.membership.upsert({ where: key, create: { tenantId: sandbox.id, userId, role }, update: { role } });
  if ((await tx.goal.count({ where: { tenantId: sandbox.id } })) === 0) await seedSandboxContent(tx, sandbox.id, userId);
}

const DAY = 86_400_000;
function daysAgo(days: number, now = new Date()): Date {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return new Date(date.getTime() - days * DAY);
}

/** Demo goals, habits and a team for the sandbox, owned by one of its members. Fixtures: no events. */
export async function seedSandboxContent(tx: Tx, tenantId: string, userId: string): Promise<void> {
  const team = await tx.team.create({ data: { tenantId, name: 'Sandbox team', description: 'Demo data to try your app against.', visibility: 'public' } });
  await tx.teamMember.create({ data: { tenantId, teamId: team.id, userId, role: 'lead' } });
  const launch = await tx.goal.create({
    data: { tenantId, ownerId: userId, teamId: team.id, title: 'Ship the first integration', description: 'A demo team goal with milestones.', progress: 40, targetDate: daysAgo(-30) },
  });
  await tx.goalAssignee.create({ data: { tenantId, goalId: launch.id, userId, role: 'lead' } });
  await tx.goalProgressEntry.create({ data: { tenantId, goalId: launch.id, userId, delta: 40, note: 'Sandbox ready', createdAt: daysAgo(3) } });
  await tx.milestone.createMany({
    data: [
      { tenantId, goalId: launch.id, title: 'Register the app', position: 0, completedAt: daysAgo(2) },
      { tenantId, goalId: launch.id, title: 'Install it in the sandbox', position: 1 },
      { tenantId, goalId: launch.id, title: 'Submit for review', position: 2 },
    ],
  });
  await tx.goal.create({ data: { tenantId, ownerId: userId, title: 'Walk 100 km this month', progress: 25, targetDate: daysAgo(-20) } });
  const walk = await tx.habit.create({ data: { tenantId, userId, name: 'Morning walk', schedule: 'daily', createdAt: daysAgo(30) } });
  await tx.habit.create({ data: { tenantId, userId, name: 'Stretch', schedule: 'times_per_week', timesPerWeek: 3, createdAt: daysAgo(30) } });
  await tx.habitLog.createMany({ data: [1, 2, 3, 4, 5, 8, 9, 12].map((d) => ({ tenantId, habitId: walk.id, userId, date: daysAgo(d) })) });
}

/** syncSandboxMember in a transaction of its own (the demo seed). */
export async function syncSandboxMemberOutsideTx(partnerId: string, userId: string, partnerRole: PartnerUserRole | null): Promise<void> {
  await db.$transaction((tx) => syncSandboxMember(tx, partnerId, userId, partnerRole));
}
