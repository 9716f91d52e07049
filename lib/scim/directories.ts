import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { db } from '../db/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { notFound, parseInput } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { scimBaseUrl } from './directory-context.ts';
import { assertScimAvailable } from './scim-plan.ts';
import { createDirectorySchema, SCIM_PROVIDERS, type DirectoryDetail, type DirectoryView, type DirectoryWithToken, type ScimProvider } from './directory-schema.ts';
import { generateScimToken, hashScimToken, newDirectoryId, tokenHint } from './scim-token.ts';

// SCIM directories of a workspace, managed by its admins ('integrations.manage'), each change
// audited, on the plans that include it ('scim', lib/scim/scim-plan.ts). The bearer token is shown once (at creation and at each rotation) and stored as a
// SHA-256 hash; rotating replaces it at once. Deleting a directory stops its sync: the members
// and teams it made stay, for the admins to keep or remove.

const actorOf = (member: Member) => ({ id: member.userId, email: member.email });

const select = { id: true, name: true, provider: true, tokenHint: true, tokenRotatedAt: true, createdAt: true } as const;
type Row = { id: string; name: string; provider: string; tokenHint: string; tokenRotatedAt: Date | null; createdAt: Date };

const asProvider = (value: string): ScimProvider => ((SCIM_PROVIDERS as readonly string[]).includes(value) ? (value as ScimProvider) : 'generic');

async function views(tenant: TenantContext, rows: Row[]): Promise<DirectoryView[]> {
  if (rows.length === 0) return [];
  const scoped = tenantDb(tenant.id);
  const ids = rows.map((row) => row.id);
  const [userStats, activeStats, provisionedStats, groupStats] = await Promise.all([
    scoped.scimUser.groupBy({ by: ['directoryId'], where: { directoryId: { in: ids } }, _count: { _all: true }, _max: { updatedAt: true } }),
    scoped.scimUser.groupBy({ by: ['directoryId'], where: { directoryId: { in: ids }, active: true }, _count: { _all: true } }),
    scoped.scimUser.groupBy({ by: ['directoryId'], where: { directoryId: { in: ids }, active: true, userId: { not: null } }, _count: { _all: true } }),
    scoped.scimGroup.groupBy({ by: ['directoryId'], where: { directoryId: { in: ids } }, _count: { _all: true }, _max: { updatedAt: true } }),
  ]);
  const count = (stats: { directoryId: string; _count: { _all: number } }[], id: string) => stats.find((s) => s.directoryId === id)?._count._all ?? 0;
  return rows.map((row) => {
    const lastUser = userStats.find((s) => s.directoryId === row.id)?._max.updatedAt ?? null;
    const lastGroup = groupStats.find((s) => s.directoryId === row.id)?._max.updatedAt ?? null;
    const last = [lastUser, lastGroup].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    return {
      id: row.id,
      name: row.name,
      provider: asProvider(row.provider),
      scimBaseUrl: scimBaseUrl(tenant.slug, row.id),
      tokenHint: row.tokenHint,
      tokenRotatedAt: row.tokenRotatedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      users: { total: count(userStats, row.id), active: count(activeStats, row.id), provisioned: count(provisionedStats, row.id) },
      groups: count(groupStats, row.id),
      lastSyncAt: last?.toISOString() ?? null,
    };
  });
}

export async function listDirectories(tenant: TenantContext, member: Member): Promise<DirectoryView[]> {
  assertCan(member.role, 'integrations.manage');
  const rows = await tenantDb(tenant.id).scimDirectory.findMany({ orderBy: { createdAt: 'asc' }, select });
  return views(tenant, rows);
}

const directoryNotFound = () => notFound('No such directory.');

/** The directory with the users and groups it synced (the 200 most recent of each). */
export async function getDirectory(tenant: TenantContext, member: Member, directoryId: string): Promise<DirectoryDetail> {
  assertCan(member.role, 'integrations.manage');
  const scoped = tenantDb(tenant.id);
  const row = await scoped.scimDirectory.findFirst({ where: { id: directoryId }, select });
  if (!row) throw directoryNotFound();
  const [users, groups] = await Promise.all([
    scoped.scimUser.findMany({ where: { directoryId }, orderBy: { updatedAt: 'desc' }, take: 200, select: { id: true, userName: true, active: true, userId: true, updatedAt: true } }),
    scoped.scimGroup.findMany({ where: { directoryId }, orderBy: { updatedAt: 'desc' }, take: 200, select: { id: true, displayName: true, memberIds: true, teamId: true, updatedAt: true } }),
  ]);
  const userIds = users.map((u) => u.userId).filter((id): id is string => id !== null);
  const teamIds = groups.map((g) => g.teamId).filter((id): id is string => id !== null);
  const [accounts, memberships, teams] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [],
    userIds.length ? scoped.membership.findMany({ where: { userId: { in: userIds } }, select: { userId: true } }) : [],
    teamIds.length ? scoped.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } }) : [],
  ]);
  const emails = new Map(accounts.map((a) => [a.id, a.email]));
  const members = new Set(memberships.map((m) => m.userId));
  const teamById = new Map(teams.map((t) => [t.id, t]));
  return {
    directory: (await views(tenant, [row]))[0],
    users: users.map((u) => ({
      id: u.id,
      userName: u.userName,
      email: u.userId ? (emails.get(u.userId) ?? null) : null,
      active: u.active,
      member: u.userId !== null && members.has(u.userId),
      updatedAt: u.updatedAt.toISOString(),
    })),
    groups: groups.map((g) => ({ id: g.id, displayName: g.displayName, members: g.memberIds.length, team: g.teamId ? (teamById.get(g.teamId) ?? null) : null, updatedAt: g.updatedAt.toISOString() })),
  };
}

export async function createDirectory(tenant: TenantContext, member: Member, input: unknown, ip: string | null = null): Promise<DirectoryWithToken> {
  assertCan(member.role, 'integrations.manage');
  await assertScimAvailable(tenant);
  const data = parseInput(createDirectorySchema, input);
  const token = generateScimToken();
  const row = await tenantDb(tenant.id).$transaction(async (tx) => {
    const created = await tx.scimDirectory.create({
      data: { id: newDirectoryId(), tenantId: tenant.id, name: data.name, provider: data.provider, tokenHash: hashScimToken(token), tokenHint: tokenHint(token), createdById: member.userId },
      select,
    });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'scim.directory_created', target: { type: 'scim_directory', id: created.id }, ip, metadata: { name: data.name, provider: data.provider } });
    return created;
  });
  return { directory: (await views(tenant, [row]))[0], token };
}

/** A new token, shown once; the old one stops working at once. */
export async function rotateDirectoryToken(tenant: TenantContext, member: Member, directoryId: string, ip: string | null = null): Promise<DirectoryWithToken> {
  assertCan(member.role, 'integrations.manage');
  await assertScimAvailable(tenant);
  const token = generateScimToken();
  const row = await tenantDb(tenant.id).$transaction(async (tx) => {
    const { count } = await tx.scimDirectory.updateMany({ where: { id: directoryId }, data: { tokenHash: hashScimToken(token), tokenHint: tokenHint(token), tokenRotatedAt: new Date() } });
    if (!count) throw directoryNotFound();
    const updated = await tx.scimDirectory.findUniqueOrThrow({ where: { id: directoryId }, select });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'scim.token_rotated', target: { type: 'scim_directory', id: directoryId }, ip, metadata: { name: updated.name } });
    return updated;
  });
  return { directory: (await views(tenant, [row]))[0], token };
}

export async function deleteDirectory(tenant: TenantContext, member: Member, directoryId: string, ip: string | null = null): Promise<void> {
  assertCan(member.role, 'integrations.manage');
  await tenantDb(tenant.id).$transaction(async (tx) => {
    const row = await tx.scimDirectory.findFirst({ where: { id: directoryId }, select: { name: true, provider: true } });
    if (!row) throw directoryNotFound();
    const [users, groups] = await Promise.all([tx.scimUser.count({ where: { directoryId } }), tx.scimGroup.count({ where: { directoryId } })]);
    await tx.scimDirectory.delete({ where: { id: directoryId } });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'scim.directory_deleted', target: { type: 'scim_directory', id: directoryId }, ip, metadata: { name: row.name, provider: row.provider, users, groups } });
  });
}
