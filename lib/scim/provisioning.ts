import { recordAudit } from '../audit/record-audit.ts';
import { PLAN_UPGRADE_REQUIRED } from '../billing/entitlements.ts';
import { assertSeatAvailable } from '../billing/seats.ts';
import { endSessionsInTenant } from '../auth/end-sessions.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { TenantTx } from '../db/tenant-db.ts';
import { emitEvent } from '../events/domain-events.ts';
import { AppError } from '../http/problem.ts';
import { deleteMembership, ownerCount } from '../members/members.ts';
import { deleteTeamMember, insertTeamMember } from '../teams/team-member-writes.ts';
import type { DirectoryContext } from './directory-context.ts';
import { mappedRole, initialRole, syncedRole } from './role-mapping.ts';
import { ScimError, scimConflict } from './scim-errors.ts';

// What a directory's changes do in the workspace, inside the transaction that stores them:
// - an active user → a membership (new: the mapped role or the workspace default, within the
//   plan's member limit; existing: owners and admins keep their role), in the teams of their groups;
// - a deactivated or deleted user → the membership goes (with team seats and goal
//   assignments, as when an admin removes someone) and their sessions and tokens end;
// - a group → a new private team of its name (numbered when the name is taken: a group never
//   takes over a team it did not create), whose members follow the group's; a user leaves the team when no group holding them maps to it.
// The same events and audit entries as the manual paths, with the directory as the actor.

/** Large groups mean many team writes in one transaction: more time than Prisma's 5 s default. */
export const SCIM_TX = { maxWait: 10_000, timeout: 60_000 } as const;

export interface ScimUserRef {
  id: string;
  userId: string | null;
  resource: unknown;
}

function auditSource(ctx: DirectoryContext) {
  return { source: 'scim', directoryId: ctx.directory.id, directory: ctx.directory.name };
}

async function audit(tx: TenantTx, ctx: DirectoryContext, action: string, target: { type: string; id: string }, metadata: Prisma.InputJsonObject): Promise<void> {
  await recordAudit(tx, { tenantId: ctx.tenant.id, actor: null, action, target, ip: ctx.ip, metadata: { ...metadata, ...auditSource(ctx) } });
}

/** The values role mapping looks at: the person's group names and SCIM roles. */
async function roleValues(tx: TenantTx, scimUser: ScimUserRef): Promise<string[]> {
  const groups = await tx.scimGroup.findMany({ where: { memberIds: { has: scimUser.id } }, select: { displayName: true } });
  const values = groups.map((group) => group.displayName);
  const resource = scimUser.resource as { roles?: unknown } | null;
  if (Array.isArray(resource?.roles)) {
    for (const role of resource.roles) {
      if (typeof role === 'string') values.push(role);
      else if (role && typeof role === 'object' && typeof (role as { value?: unknown }).value === 'string') values.push((role as { value: string }).value);
    }
  }
  return values;
}

function findMembership(tx: TenantTx, ctx: DirectoryContext, userId: string) {
  return tx.membership.findUnique({
    where: { tenantId_userId: { tenantId: ctx.tenant.id, userId } },
    select: { id: true, role: true, user: { select: { id: true, email: true, name: true } } },
  });
}

/** Makes the (active, linked) user a member, or brings an existing member's role in line with the mapping. */
export async function provisionMember(tx: TenantTx, ctx: DirectoryContext, scimUser: ScimUserRef & { userId: string }): Promise<void> {
  const membership = await findMembership(tx, ctx, scimUser.userId);
  const mapped = await mappedRole(tx, await roleValues(tx, scimUser));
  if (!membership) {
    // A seat of the plan's member limit; none left: a SCIM 403 (nothing of the request is stored).
    await assertSeatAvailable(tx, ctx.tenant, 'join').catch((error: unknown) => {
      if (error instanceof AppError && error.code === PLAN_UPGRADE_REQUIRED) throw new ScimError(403, `The member limit of the workspace's plan is reached, so the user cannot be added. ${error.message}`);
      throw error;
    });
    const role = initialRole(mapped, ctx.tenant.defaultRole);
    const created = await tx.membership.create({
      data: { tenantId: ctx.tenant.id, userId: scimUser.userId, role },
      select: { user: { select: { id: true, email: true, name: true } } },
    });
    const { user } = created;
    await emitEvent(tx, ctx.tenant.id, 'user.created', { userId: user.id, email: user.email, name: user.name, role });
    await audit(tx, ctx, 'member.provisioned', { type: 'user', id: user.id }, { email: user.email, role });
  } else {
    await applyRole(tx, ctx, membership, mapped);
  }
  await joinGroupTeams(tx, ctx, scimUser.id, scimUser.userId);
}

/** After the person's groups or roles changed: the mapped role, where a sync may set one. */
export async function refreshRole(tx: TenantTx, ctx: DirectoryContext, scimUser: ScimUserRef): Promise<void> {
  if (!scimUser.userId) return;
  const membership = await findMembership(tx, ctx, scimUser.userId);
  if (!membership) return;
  await applyRole(tx, ctx, membership, await mappedRole(tx, await roleValues(tx, scimUser)));
}

async function applyRole(
  tx: TenantTx,
  ctx: DirectoryContext,
  membership: NonNullable<Awaited<ReturnType<typeof findMembership>>>,
  mapped: Awaited<ReturnType<typeof mappedRole>>,
): Promise<void> {
  const next = syncedRole(membership.role, mapped);
  if (!next) return;
  await tx.membership.update({ where: { id: membership.id }, data: { role: next } });
  const { user } = membership;
  await emitEvent(tx, ctx.tenant.id, 'user.updated', { userId: user.id, email: user.email, changes: { role: { from: membership.role, to: next } } });
  await audit(tx, ctx, 'member.role_changed', { type: 'user', id: user.id }, { email: user.email, from: membership.role, to: next });
}

/**
 * The directory changed the person's email: their Waypoint account (the login email) moves with
 * it. The User table is platform-wide (outside tenantDb), hence raw SQL, in the same transaction
 * as the directory's row. The address was checked to be in a verified domain beforehand; one
 * another account already has is a 409 uniqueness.
 */
export async function moveAccountEmail(tx: TenantTx, ctx: DirectoryContext, userId: string, email: string): Promise<void> {
  const [account] = await tx.$queryRaw<{ email: string }[]>`SELECT email FROM "User" WHERE id = ${userId} FOR UPDATE`;
  if (!account || account.email === email) return;
  const taken = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE email = ${email} AND id <> ${userId}`;
  if (taken.length > 0) throw scimConflict(`${email} is already the email of another Waypoint account, so this user's account cannot move to it.`);
  // The directory vouches for the new address (a verified domain), as for a new account.
  await tx.$executeRaw`UPDATE "User" SET email = ${email}, "emailVerifiedAt" = now(), "updatedAt" = now() WHERE id = ${userId}`;
  await emitEvent(tx, ctx.tenant.id, 'user.updated', { userId, email, changes: { email: { from: account.email, to: email } } });
  await audit(tx, ctx, 'member.email_changed', { type: 'user', id: userId }, { from: account.email, to: email });
}

/**
 * Ends the person's membership, unless another active directory user of this workspace still
 * provisions the same account. The last owner cannot be removed this way (409).
 */
export async function deprovisionMember(tx: TenantTx, ctx: DirectoryContext, scimUser: ScimUserRef, reason: 'deactivated' | 'deleted'): Promise<void> {
  if (!scimUser.userId) return;
  const others = await tx.scimUser.count({ where: { userId: scimUser.userId, active: true, id: { not: scimUser.id } } });
  if (others > 0) return;
  const membership = await findMembership(tx, ctx, scimUser.userId);
  if (!membership) return;
  if (membership.role === 'owner' && (await ownerCount(tx, ctx.tenant.id)) <= 1) {
    throw new ScimError(409, `${membership.user.email} is the workspace's last owner, so the directory cannot remove them. Make someone else an owner in Waypoint first.`);
  }
  await deleteMembership(tx, ctx.tenant.id, { id: membership.id, userId: scimUser.userId });
  await endSessionsInTenant(tx, scimUser.userId);
  await emitEvent(tx, ctx.tenant.id, 'user.deleted', { userId: scimUser.userId, email: membership.user.email });
  await audit(tx, ctx, 'member.deprovisioned', { type: 'user', id: scimUser.userId }, { email: membership.user.email, role: membership.role, reason });
}

// ─── Teams ───

/** Team names are at most 80 characters (lib/teams/team-schema.ts). */
export function teamNameFor(displayName: string): string {
  return displayName.trim().slice(0, 80).trim();
}

/** Locks the team row; false when the team no longer exists (an admin deleted it). */
async function lockTeamRow(tx: TenantTx, ctx: DirectoryContext, teamId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Team" WHERE id = ${teamId} AND "tenantId" = ${ctx.tenant.id} FOR UPDATE`;
  return rows.length > 0;
}

/**
 * A team name for a group that no other team of the workspace has (any case): the group's name,
 * else "<name> (2)", "(3)"… A group never takes over a team it did not create: not a team made
 * by hand, nor one a deleted group left behind (it keeps its goals and people).
 */
async function freeTeamName(tx: TenantTx, ctx: DirectoryContext, displayName: string, ownTeamId: string | null): Promise<string> {
  // One group naming at a time per workspace (the unique index on names is case-sensitive).
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`team-name:${ctx.tenant.id}`}))`;
  const base = teamNameFor(displayName);
  const taken = await tx.team.findMany({
    where: { name: { startsWith: base.slice(0, 60).trim(), mode: 'insensitive' }, ...(ownTeamId ? { id: { not: ownTeamId } } : {}) },
    select: { name: true },
  });
  const names = new Set(taken.map((team) => team.name.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = `${base.slice(0, 80 - suffix.length).trim()}${suffix}`;
    if (!names.has(name.toLowerCase())) return name;
  }
}

/** The team of a new group: always a new private team, named after the group. */
export async function teamForGroup(tx: TenantTx, ctx: DirectoryContext, displayName: string, groupId: string): Promise<string> {
  const name = await freeTeamName(tx, ctx, displayName, null);
  // Directory groups can be sensitive: their teams are seen by their members and admins only.
  const team = await tx.team.create({ data: { tenantId: ctx.tenant.id, name, visibility: 'private' }, select: { id: true } });
  await audit(tx, ctx, 'team.created', { type: 'team', id: team.id }, { name, visibility: 'private', groupId });
  return team.id;
}

/** A renamed group renames its team as a create would name it (a taken name gets a number). */
export async function renameTeamForGroup(tx: TenantTx, ctx: DirectoryContext, teamId: string, displayName: string): Promise<void> {
  const name = await freeTeamName(tx, ctx, displayName, teamId);
  if (!(await lockTeamRow(tx, ctx, teamId))) return;
  const team = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } });
  if (team.name === name) return;
  await tx.team.update({ where: { id: teamId }, data: { name } });
  await audit(tx, ctx, 'team.updated', { type: 'team', id: teamId }, { name, changes: { name: { from: team.name, to: name } } });
}

/** Adds a member of the workspace to the team (no-op for non-members and people already in it). */
export async function joinTeam(tx: TenantTx, ctx: DirectoryContext, teamId: string, userId: string): Promise<void> {
  const membership = await findMembership(tx, ctx, userId);
  if (!membership) return;
  if (!(await lockTeamRow(tx, ctx, teamId))) return;
  const seat = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { id: true } });
  if (seat) return;
  await insertTeamMember(tx, ctx.tenant, null, teamId, userId, 'member');
  await audit(tx, ctx, 'team.member_added', { type: 'team', id: teamId }, { userId, email: membership.user.email, role: 'member' });
}

/** Removes the person from the team, unless another group mapped to it (other than exceptGroupId) still holds them. */
export async function leaveTeam(tx: TenantTx, ctx: DirectoryContext, teamId: string, userId: string, exceptGroupId: string | null): Promise<void> {
  const scimUserIds = (await tx.scimUser.findMany({ where: { userId }, select: { id: true } })).map((row) => row.id);
  const holding = await tx.scimGroup.count({ where: { teamId, ...(exceptGroupId ? { id: { not: exceptGroupId } } : {}), memberIds: { hasSome: scimUserIds } } });
  if (holding > 0) return;
  if (!(await lockTeamRow(tx, ctx, teamId))) return;
  const seat = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { id: true } });
  if (!seat) return;
  await deleteTeamMember(tx, ctx.tenant, null, teamId, userId);
  await audit(tx, ctx, 'team.member_removed', { type: 'team', id: teamId }, { userId });
}

async function joinGroupTeams(tx: TenantTx, ctx: DirectoryContext, scimUserId: string, userId: string): Promise<void> {
  const groups = await tx.scimGroup.findMany({ where: { memberIds: { has: scimUserId }, teamId: { not: null } }, select: { teamId: true } });
  for (const teamId of new Set(groups.map((group) => group.teamId as string))) await joinTeam(tx, ctx, teamId, userId);
}
