import { Prisma } from '../db/generated/client.ts';
import { tenantDb, type TenantTx } from '../db/tenant-db.ts';
import type { DirectoryContext } from './directory-context.ts';
import { joinTeam, leaveTeam, refreshRole, renameTeamForGroup, teamForGroup, SCIM_TX } from './provisioning.ts';
import { scimConflict, scimNotFound } from './scim-errors.ts';
import { inOrder, matchingIds } from './scim-list.ts';
import { applyPatch, type PatchOperation } from './scim-patch.ts';
import { assertIfMatch } from './scim-etag.ts';
import { groupDocument, groupVersion, parseGroup, type GroupInput, type ScimGroupRow } from './scim-resources.ts';

// /Groups of one directory. A group is mirrored as a team (lib/scim/provisioning.ts); its
// members, ids of this directory's users, follow into the team when they are members of the
// workspace. A PUT without "members" leaves the membership as it is; unknown member ids are
// ignored. Deleting a group keeps its team (and the team's goals): the directory's people leave it.

const rowSelect = { id: true, displayName: true, externalId: true, memberIds: true, teamId: true, resource: true, createdAt: true, updatedAt: true } as const;
export type GroupRow = ScimGroupRow & { teamId: string | null };

export async function listGroups(ctx: DirectoryContext, filter: string | null, startIndex: number, count: number): Promise<{ rows: GroupRow[]; total: number }> {
  const { ids, total } = await matchingIds(ctx, 'Group', filter, startIndex, count);
  const rows = ids.length === 0 ? [] : await tenantDb(ctx.tenant.id).scimGroup.findMany({ where: { id: { in: ids }, directoryId: ctx.directory.id }, select: rowSelect });
  return { rows: inOrder(ids, rows), total };
}

export async function getGroup(ctx: DirectoryContext, id: string): Promise<GroupRow> {
  const row = await tenantDb(ctx.tenant.id).scimGroup.findFirst({ where: { id, directoryId: ctx.directory.id }, select: rowSelect });
  if (!row) throw scimNotFound(`No group ${id} in this directory.`);
  return row;
}

/** userNames of member ids, for the "display" of group members. */
export async function memberNames(ctx: DirectoryContext, rows: GroupRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => row.memberIds))];
  if (ids.length === 0) return new Map();
  const users = await tenantDb(ctx.tenant.id).scimUser.findMany({ where: { id: { in: ids }, directoryId: ctx.directory.id }, select: { id: true, userName: true } });
  return new Map(users.map((user) => [user.id, user.userName]));
}

async function lockGroup(tx: TenantTx, ctx: DirectoryContext, id: string): Promise<GroupRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "ScimGroup" WHERE id = ${id} AND "directoryId" = ${ctx.directory.id} AND "tenantId" = ${ctx.tenant.id} FOR UPDATE`;
  if (locked.length === 0) throw scimNotFound(`No group ${id} in this directory.`);
  return tx.scimGroup.findUniqueOrThrow({ where: { id }, select: rowSelect });
}

async function assertDisplayNameFree(tx: TenantTx, ctx: DirectoryContext, displayName: string, exceptId?: string): Promise<void> {
  // lower() = lower(): Prisma's insensitive equals is ILIKE, where "S%" would clash with "Sales".
  const clash = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "ScimGroup" WHERE "directoryId" = ${ctx.directory.id} AND lower("displayName") = lower(${displayName}) AND id <> ${exceptId ?? ''} LIMIT 1`;
  if (clash.length > 0) throw scimConflict(`A group named "${displayName}" already exists in this directory.`);
}

/** The member ids that are users of this directory (others are dropped). */
async function knownMembers(tx: TenantTx, ctx: DirectoryContext, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.scimUser.findMany({ where: { directoryId: ctx.directory.id, id: { in: ids } }, select: { id: true } });
  const known = new Set(rows.map((row) => row.id));
  return ids.filter((id) => known.has(id));
}

/** Moves the team seats (and mapped roles) of the users who joined or left the group. */
async function applyMembership(tx: TenantTx, ctx: DirectoryContext, teamId: string | null, before: string[], after: string[]): Promise<void> {
  const was = new Set(before);
  const now = new Set(after);
  const changed = [...after.filter((id) => !was.has(id)), ...before.filter((id) => !now.has(id))];
  if (changed.length === 0) return;
  const users = await tx.scimUser.findMany({ where: { id: { in: changed } }, select: { id: true, userId: true, active: true, resource: true } });
  for (const user of users) {
    if (!user.userId || !user.active) continue;
    if (teamId) {
      if (now.has(user.id)) await joinTeam(tx, ctx, teamId, user.userId);
      else await leaveTeam(tx, ctx, teamId, user.userId, null);
    }
    await refreshRole(tx, ctx, user);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

export async function createGroup(ctx: DirectoryContext, body: unknown): Promise<GroupRow> {
  const input = parseGroup(body);
  try {
    return await tenantDb(ctx.tenant.id).$transaction(async (tx) => {
      await assertDisplayNameFree(tx, ctx, input.displayName);
      const memberIds = await knownMembers(tx, ctx, input.memberIds ?? []);
      const row = await tx.scimGroup.create({
        data: { tenantId: ctx.tenant.id, directoryId: ctx.directory.id, displayName: input.displayName, externalId: input.externalId, memberIds, resource: input.resource as Prisma.InputJsonObject },
        select: { id: true },
      });
      const teamId = await teamForGroup(tx, ctx, input.displayName, row.id);
      const created = await tx.scimGroup.update({ where: { id: row.id }, data: { teamId }, select: rowSelect });
      await applyMembership(tx, ctx, teamId, [], memberIds);
      return created;
    }, SCIM_TX);
  } catch (error) {
    if (isUniqueViolation(error)) throw scimConflict(`A group named "${input.displayName}" already exists in this directory.`);
    throw error;
  }
}

async function update(ctx: DirectoryContext, id: string, ifMatch: string | null, next: (row: GroupRow) => GroupInput): Promise<GroupRow> {
  return tenantDb(ctx.tenant.id).$transaction(async (tx) => {
    const row = await lockGroup(tx, ctx, id);
    assertIfMatch(ifMatch, groupVersion(row));
    const input = next(row);
    if (input.displayName !== row.displayName) {
      if (input.displayName.toLowerCase() !== row.displayName.toLowerCase()) await assertDisplayNameFree(tx, ctx, input.displayName, id);
      if (row.teamId) await renameTeamForGroup(tx, ctx, row.teamId, input.displayName);
    }
    const memberIds = input.memberIds === null ? row.memberIds : await knownMembers(tx, ctx, input.memberIds);
    const updated = await tx.scimGroup.update({
      where: { id },
      data: { displayName: input.displayName, externalId: input.externalId, memberIds, resource: input.resource as Prisma.InputJsonObject },
      select: rowSelect,
    });
    await applyMembership(tx, ctx, row.teamId, row.memberIds, memberIds);
    // A renamed group may map to another role.
    if (input.displayName !== row.displayName) {
      const users = await tx.scimUser.findMany({ where: { id: { in: memberIds }, active: true }, select: { id: true, userId: true, resource: true } });
      for (const user of users) await refreshRole(tx, ctx, user);
    }
    return updated;
  }, SCIM_TX);
}

export function replaceGroup(ctx: DirectoryContext, id: string, body: unknown, ifMatch: string | null = null): Promise<GroupRow> {
  const input = parseGroup(body);
  return update(ctx, id, ifMatch, () => input);
}

export function patchGroup(ctx: DirectoryContext, id: string, operations: PatchOperation[], ifMatch: string | null = null): Promise<GroupRow> {
  return update(ctx, id, ifMatch, (row) => {
    const input = parseGroup(applyPatch(groupDocument(row), operations));
    // The patched document always has its members: none left is an empty group, not "unchanged".
    return { ...input, memberIds: input.memberIds ?? [] };
  });
}

export async function deleteGroup(ctx: DirectoryContext, id: string, ifMatch: string | null = null): Promise<void> {
  await tenantDb(ctx.tenant.id).$transaction(async (tx) => {
    const row = await lockGroup(tx, ctx, id);
    assertIfMatch(ifMatch, groupVersion(row));
    await tx.scimGroup.delete({ where: { id } });
    await applyMembership(tx, ctx, row.teamId, row.memberIds, []);
  }, SCIM_TX);
}
