import { markEmailVerified } from '../auth/email-verification.ts';
import { db } from '../db/client.ts';
import { Prisma } from '../db/generated/client.ts';
import { tenantDb, type TenantTx } from '../db/tenant-db.ts';
import { eraseAccountIfUnused, eraseInWorkspace, erasureSubject } from '../privacy/erase-user.ts';
import type { DirectoryContext } from './directory-context.ts';
import { deprovisionMember, leaveTeam, moveAccountEmail, provisionMember, refreshRole, SCIM_TX } from './provisioning.ts';
import { ScimError, scimBadRequest, scimConflict, scimNotFound } from './scim-errors.ts';
import { inOrder, matchingIds } from './scim-list.ts';
import { applyPatch, type PatchOperation } from './scim-patch.ts';
import { assertIfMatch } from './scim-etag.ts';
import { parseUser, userDocument, userVersion, type ScimUserRow, type UserInput } from './scim-resources.ts';
import { assertProvisionableEmail } from './verified-domains.ts';

// /Users of one directory. Each write stores the directory's view of the user and applies its
// effects (lib/scim/provisioning.ts) in one transaction, under a lock on the user's row, so
// concurrent requests from the IdP (Entra sends them in parallel) apply one after the other.

const rowSelect = { id: true, userName: true, externalId: true, active: true, userId: true, resource: true, createdAt: true, updatedAt: true } as const;
export type UserRow = ScimUserRow & { userId: string | null };

export async function listUsers(ctx: DirectoryContext, filter: string | null, startIndex: number, count: number): Promise<{ rows: UserRow[]; total: number }> {
  const { ids, total } = await matchingIds(ctx, 'User', filter, startIndex, count);
  const rows = ids.length === 0 ? [] : await tenantDb(ctx.tenant.id).scimUser.findMany({ where: { id: { in: ids }, directoryId: ctx.directory.id }, select: rowSelect });
  return { rows: inOrder(ids, rows), total };
}

export async function getUser(ctx: DirectoryContext, id: string): Promise<UserRow> {
  const row = await tenantDb(ctx.tenant.id).scimUser.findFirst({ where: { id, directoryId: ctx.directory.id }, select: rowSelect });
  if (!row) throw scimNotFound(`No user ${id} in this directory.`);
  return row;
}

async function lockUser(tx: TenantTx, ctx: DirectoryContext, id: string): Promise<UserRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "ScimUser" WHERE id = ${id} AND "directoryId" = ${ctx.directory.id} AND "tenantId" = ${ctx.tenant.id} FOR UPDATE`;
  if (locked.length === 0) throw scimNotFound(`No user ${id} in this directory.`);
  return tx.scimUser.findUniqueOrThrow({ where: { id }, select: rowSelect });
}

async function assertUserNameFree(tx: TenantTx, ctx: DirectoryContext, userName: string, exceptId?: string): Promise<void> {
  // lower() = lower(), not Prisma's insensitive equals (ILIKE): the directory's index on
  // lower("userName") answers it, where ILIKE reads every user of the directory.
  const clash = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "ScimUser"
    WHERE "directoryId" = ${ctx.directory.id} AND lower("userName") = lower(${userName}) AND id <> ${exceptId ?? ''}
    LIMIT 1`;
  if (clash.length > 0) throw scimConflict(`A user with userName "${userName}" already exists in this directory.`);
}

/**
 * The Waypoint account an active directory user stands for, found or created by email, after
 * checking that the workspace may provision that address. Runs before the transaction (User
 * rows are platform-wide); a created account without a membership is inert.
 */
async function accountFor(ctx: DirectoryContext, input: UserInput): Promise<{ id: string; email: string }> {
  if (!input.email) throw scimBadRequest('invalidValue', 'An active user needs an email address: in "emails" or as the userName.');
  await assertProvisionableEmail(ctx.tenant.id, input.email);
  let account: { id: string; email: string };
  try {
    account = await db.user.upsert({
      where: { email: input.email },
      create: { email: input.email, name: input.displayName, emailVerifiedAt: new Date() },
      update: {},
      select: { id: true, email: true },
    });
  } catch (error) {
    // Two requests creating the same account at once: the other one won.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
    account = await db.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true, email: true } });
  }
  // The directory vouches for an address in a domain the workspace verified.
  await markEmailVerified(db, account.id);
  return account;
}

/** The name the directory gives is kept on the account when it has none yet. */
async function fillName(userId: string, displayName: string | null): Promise<void> {
  if (displayName) await db.user.updateMany({ where: { id: userId, name: null }, data: { name: displayName } });
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

export async function createUser(ctx: DirectoryContext, body: unknown): Promise<UserRow> {
  const input = parseUser(body);
  const active = input.active ?? true;
  const account = active ? await accountFor(ctx, input) : null;
  if (account) await fillName(account.id, input.displayName);
  try {
    return await tenantDb(ctx.tenant.id).$transaction(async (tx) => {
      await assertUserNameFree(tx, ctx, input.userName);
      const row = await tx.scimUser.create({
        data: {
          tenantId: ctx.tenant.id,
          directoryId: ctx.directory.id,
          userName: input.userName,
          externalId: input.externalId,
          active,
          userId: account?.id ?? null,
          resource: input.resource as Prisma.InputJsonObject,
        },
        select: rowSelect,
      });
      if (account) await provisionMember(tx, ctx, { ...row, userId: account.id });
      return row;
    }, SCIM_TX);
  } catch (error) {
    if (isUniqueViolation(error)) throw scimConflict(`A user with userName "${input.userName}" already exists in this directory.`);
    throw error;
  }
}

/** Applies a new state of the user (from PUT or PATCH) and its effects. */
async function transition(ctx: DirectoryContext, id: string, ifMatch: string | null, next: (row: UserRow) => UserInput): Promise<UserRow> {
  // The account is found (or made) before the transaction, from the state as read now…
  const before = await getUser(ctx, id);
  const planned = next(before);
  const activating = (planned.active ?? before.active) && (!before.active || !before.userId);
  let account: { id: string; email: string } | null = null;
  if (before.userId && (planned.active ?? before.active)) {
    // A new email moves the linked account (moveAccountEmail): only into a verified domain. A
    // re-activated account must still be in one.
    const linked = await db.user.findUnique({ where: { id: before.userId }, select: { email: true } });
    if (linked && planned.email && planned.email !== linked.email) await assertProvisionableEmail(ctx.tenant.id, planned.email);
    else if (linked && activating) await assertProvisionableEmail(ctx.tenant.id, linked.email);
  } else if (activating) {
    account = await accountFor(ctx, planned);
    await fillName(account.id, planned.displayName);
  }

  return tenantDb(ctx.tenant.id).$transaction(async (tx) => {
    // …and the transaction recomputes from the locked row.
    const row = await lockUser(tx, ctx, id);
    assertIfMatch(ifMatch, userVersion(row));
    const input = next(row);
    const active = input.active ?? row.active;
    if (input.userName.toLowerCase() !== row.userName.toLowerCase()) await assertUserNameFree(tx, ctx, input.userName, id);
    let userId = row.userId;
    if (active && !userId) {
      if (!account || account.email !== input.email) throw new ScimError(409, 'The user changed while this request ran. Send it again.');
      userId = account.id;
    }
    const updated = await tx.scimUser.update({
      where: { id },
      data: { userName: input.userName, externalId: input.externalId, active, userId, resource: input.resource as Prisma.InputJsonObject },
      select: rowSelect,
    });
    if (active && row.userId && input.email) {
      // The address was checked before the transaction, as planned then.
      if (input.email !== planned.email) throw new ScimError(409, 'The user changed while this request ran. Send it again.');
      await moveAccountEmail(tx, ctx, row.userId, input.email);
    }
    if (active && userId) {
      // Activated (or re-activated): a member again. Already active: the role may follow new roles.
      if (!row.active || !row.userId) await provisionMember(tx, ctx, { ...updated, userId });
      else await refreshRole(tx, ctx, updated);
    } else if (!active && row.active) {
      await deprovisionMember(tx, ctx, updated, 'deactivated');
    }
    return updated;
  }, SCIM_TX);
}

export function replaceUser(ctx: DirectoryContext, id: string, body: unknown, ifMatch: string | null = null): Promise<UserRow> {
  const input = parseUser(body);
  return transition(ctx, id, ifMatch, () => input);
}

export function patchUser(ctx: DirectoryContext, id: string, operations: PatchOperation[], ifMatch: string | null = null): Promise<UserRow> {
  return transition(ctx, id, ifMatch, (row) => parseUser(applyPatch(userDocument(row), operations)));
}

/**
 * The directory deleted the user: out of the workspace (as a deactivation), out of the
 * directory's groups, and their personal data in this workspace erased (lib/privacy/erase-user.ts:
 * shared progress stays as "Former member"), unless another active directory user of this
 * workspace still provisions the same account. Their account goes too when no other workspace
 * holds it. The last owner is refused with a SCIM 409.
 */
export async function deleteUser(ctx: DirectoryContext, id: string, ifMatch: string | null = null): Promise<void> {
  const linked = (await getUser(ctx, id)).userId;
  const subject = linked ? await erasureSubject(linked) : null;
  const erased = await tenantDb(ctx.tenant.id).$transaction(async (tx) => {
    const row = await lockUser(tx, ctx, id);
    assertIfMatch(ifMatch, userVersion(row));
    if (row.active) await deprovisionMember(tx, ctx, row, 'deleted');
    // Out of the directory's groups (and, for someone kept on, out of those groups' teams).
    const groups = await tx.scimGroup.findMany({ where: { directoryId: ctx.directory.id, memberIds: { has: id } }, select: { id: true, teamId: true, memberIds: true } });
    for (const group of groups) {
      await tx.scimGroup.update({ where: { id: group.id }, data: { memberIds: group.memberIds.filter((memberId) => memberId !== id) } });
    }
    await tx.scimUser.delete({ where: { id } });
    if (!row.userId) return null;
    if (!subject || subject.user.id !== row.userId || (await tx.scimUser.count({ where: { userId: row.userId, active: true } })) > 0) {
      for (const group of groups) if (group.teamId) await leaveTeam(tx, ctx, group.teamId, row.userId, null);
      return null;
    }
    // The scoped transaction reaches only this workspace's rows; the erasure names the workspace in each of its statements.
    await eraseInWorkspace(tx as unknown as Prisma.TransactionClient, ctx.tenant.id, subject, 'scim', { directoryId: ctx.directory.id, directory: ctx.directory.name });
    return row.userId;
  }, SCIM_TX);
  if (erased) await eraseAccountIfUnused(erased, { kind: 'scim', actor: null, reason: `Deleted by the directory of ${ctx.tenant.name}` });
}
