import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { term } from '../branding/terminology.ts';
import type { Role } from '../db/generated/enums.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { emitEvent } from '../events/domain-events.ts';
import { loadGoalForViewer, lockGoal, type LoadedGoal } from '../goals/goal-access.ts';
import { badRequest, conflict, forbidden, notFound, parseInput, tooManyRequests } from '../http/problem.ts';
import { can, ROLES } from '../members/permissions.ts';
import { goalAudience } from '../realtime/audience.ts';
import type { TenantTx } from '../teams/team-access.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { commentBodyInputSchema, createCommentInputSchema, MAX_COMMENT_LENGTH, type CommentList, type CommentView, type Mention } from './comment-schema.ts';
import { mentionsAsText, resolveMentions } from './mentions.ts';
import { renderComment } from './render-comment.ts';

// Comments on goals and their milestones. Whoever can see the goal (lib/goals/goal-access.ts:
// 404 otherwise, as for the goal itself) reads its thread; whoever may write goals (not
// viewers) comments on it unless it is archived. Authors edit and delete their own comments;
// admins may delete anyone's (audited). A deleted comment keeps its place as a placeholder,
// its text gone. Mentions resolve only to people who can see the goal. Every change emits an
// event with the goal's audience (goal.commented, goal.comment_updated, goal.comment_deleted).

/** Comments one member may post per minute in a workspace (a person writes far fewer). */
export const COMMENTS_PER_MINUTE = 10;
/** The newest comments a thread shows. */
export const THREAD_LIMIT = 500;

const ADMIN_ROLES: Role[] = ROLES.filter((role) => can(role, 'teams.manage'));

function nameOf(user: { name: string | null; email: string }): string {
  return user.name?.trim() || user.email;
}

const isAdmin = (member: Member) => can(member.role, 'teams.manage');
const mayWrite = (member: Member, loaded: LoadedGoal) => can(member.role, 'goals.write') && loaded.goal.status !== 'archived';

/** The members who can see the goal: its owner (personal goal), or its team's members and the workspace's admins. */
export async function goalReaders(tx: TenantTx, goal: { ownerId: string; teamId: string | null }): Promise<Mention[]> {
  const teamUserIds = goal.teamId ? (await tx.teamMember.findMany({ where: { teamId: goal.teamId }, select: { userId: true } })).map((m) => m.userId) : [];
  const rows = await tx.membership.findMany({
    where: goal.teamId ? { OR: [{ userId: { in: teamUserIds } }, { role: { in: ADMIN_ROLES } }] } : { userId: goal.ownerId },
    select: { userId: true, user: { select: { name: true, email: true } } },
  });
  return rows.map((row) => ({ userId: row.userId, name: nameOf(row.user) })).sort((x, y) => x.name.localeCompare(y.name));
}

/** Members of the workspace by id, named (for spelling out tokens of people who cannot see the goal). */
async function memberNames(tx: TenantTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.membership.findMany({ where: { userId: { in: ids } }, select: { userId: true, user: { select: { name: true, email: true } } } });
  return new Map(rows.map((row) => [row.userId, nameOf(row.user)]));
}

function tooLong(length: number): never {
  const message = `A comment has at most ${MAX_COMMENT_LENGTH.toLocaleString('en-US')} characters (this one has ${length.toLocaleString('en-US')}).`;
  throw badRequest(message, { body: message });
}

/** Normalizes mentions: tokens for readers of the goal, plain text for anyone else. */
async function prepareBody(tx: TenantTx, goal: { ownerId: string; teamId: string | null }, raw: string) {
  const text = raw.trim();
  if (text === '') throw badRequest('Write a comment first.', { body: 'Write a comment first.' });
  // The limit applies to the text as readers see it (mentions as "@Name", not as tokens); a
  // body far beyond it is refused before any work.
  if (text.length > 4 * MAX_COMMENT_LENGTH) tooLong(text.length);
  const readers = await goalReaders(tx, goal);
  const tokenIds = [...text.matchAll(/<@([A-Za-z0-9_-]{1,100})>/g)].map((m) => m[1]);
  const others = await memberNames(tx, tokenIds.filter((id) => !readers.some((r) => r.userId === id)));
  const { body, mentionIds } = resolveMentions(text, readers, others);
  const names = new Map(readers.map((r) => [r.userId, r.name]));
  const plain = mentionsAsText(body, names);
  if (plain.length > MAX_COMMENT_LENGTH) tooLong(plain.length);
  return { body, mentionIds, plain };
}

const commentSelect = {
  id: true,
  goalId: true,
  milestoneId: true,
  authorId: true,
  body: true,
  mentionIds: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: { name: true, email: true } },
  milestone: { select: { title: true } },
} as const;

type CommentRow = {
  id: string;
  goalId: string;
  milestoneId: string | null;
  authorId: string;
  body: string;
  mentionIds: string[];
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  author: { name: string | null; email: string };
  milestone: { title: string } | null;
};

function toView(row: CommentRow, names: ReadonlyMap<string, string>, member: Member, loaded: LoadedGoal): CommentView {
  const deleted = row.deletedAt !== null;
  const own = row.authorId === member.userId;
  return {
    id: row.id,
    goalId: row.goalId,
    milestoneId: row.milestoneId,
    milestoneTitle: row.milestone?.title ?? null,
    authorId: row.authorId,
    authorName: nameOf(row.author),
    body: deleted ? '' : mentionsAsText(row.body, names),
    html: deleted ? '' : renderComment(row.body, names),
    mentions: deleted ? [] : row.mentionIds.map((userId) => ({ userId, name: names.get(userId) ?? 'former member' })),
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    canEdit: !deleted && own && mayWrite(member, loaded),
    canDelete: !deleted && ((own && can(member.role, 'goals.write')) || isAdmin(member)),
  };
}

async function viewsOf(tx: TenantTx, rows: CommentRow[], member: Member, loaded: LoadedGoal): Promise<CommentView[]> {
  const names = await memberNames(tx, [...new Set(rows.flatMap((r) => r.mentionIds))]);
  return rows.map((row) => toView(row, names, member, loaded));
}

/** The goal's thread, oldest first (the newest THREAD_LIMIT); milestoneId narrows it to one milestone. */
export async function listComments(tenant: TenantContext, member: Member, goalId: string, filter: { milestoneId?: string | null } = {}): Promise<CommentList> {
  return tenantDb(tenant.id).$transaction(async (tx) => {
    const loaded = await loadGoalForViewer(tx, tenant, member, goalId);
    const rows = await tx.comment.findMany({
      where: { goalId, ...(filter.milestoneId ? { milestoneId: filter.milestoneId } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: THREAD_LIMIT,
      select: commentSelect,
    });
    return { comments: await viewsOf(tx, rows.reverse(), member, loaded), canComment: mayWrite(member, loaded) };
  });
}

/** Who the viewer may mention on this goal: everyone who can see it. */
export async function mentionableMembers(tenant: TenantContext, member: Member, goalId: string): Promise<Mention[]> {
  return tenantDb(tenant.id).$transaction(async (tx) => goalReaders(tx, (await loadGoalForViewer(tx, tenant, member, goalId)).goal));
}

function assertMayWrite(tenant: TenantContext, member: Member, loaded: LoadedGoal): void {
  if (!can(member.role, 'goals.write')) throw forbidden('Your role does not allow commenting.');
  if (loaded.goal.status === 'archived') throw conflict(`This ${term(tenant.branding.terminology, 'goal')} is archived. Unarchive it to comment.`);
}

/** The frame of each write: lock the goal, load it for the viewer (404 when hidden), work, answer the comment. */
async function onGoal<T>(tenant: TenantContext, member: Member, goalId: string, work: (tx: TenantTx, loaded: LoadedGoal) => Promise<T>): Promise<T> {
  return tenantDb(tenant.id).$transaction(async (tx) => {
    await lockGoal(tx, tenant, goalId);
    return work(tx, await loadGoalForViewer(tx, tenant, member, goalId));
  });
}

async function readView(tx: TenantTx, commentId: string, member: Member, loaded: LoadedGoal): Promise<CommentView> {
  const row = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: commentSelect });
  return (await viewsOf(tx, [row], member, loaded))[0];
}

/** { body, milestoneId? }: posts a comment; emits goal.commented. */
export async function createComment(tenant: TenantContext, member: Member, goalId: string, input: unknown): Promise<CommentView> {
  const data = parseInput(createCommentInputSchema, input);
  return onGoal(tenant, member, goalId, async (tx, loaded) => {
    assertMayWrite(tenant, member, loaded);
    const milestoneId = data.milestoneId || null;
    if (milestoneId && !(await tx.milestone.findFirst({ where: { id: milestoneId, goalId }, select: { id: true } }))) throw notFound('No such milestone.');
    const recent = await tx.comment.count({ where: { authorId: member.userId, createdAt: { gt: new Date(Date.now() - 60_000) } } });
    if (recent >= COMMENTS_PER_MINUTE) throw tooManyRequests('You are commenting very fast. Wait a minute and try again.', 60);
    const { body, mentionIds, plain } = await prepareBody(tx, loaded.goal, data.body);
    const comment = await tx.comment.create({ data: { tenantId: tenant.id, goalId, milestoneId, authorId: member.userId, body, mentionIds }, select: { id: true } });
    await emitEvent(
      tx,
      tenant.id,
      'goal.commented',
      { goalId, milestoneId, commentId: comment.id, authorId: member.userId, body: plain, mentionedUserIds: mentionIds },
      member.userId,
      goalAudience(loaded.goal),
    );
    return readView(tx, comment.id, member, loaded);
  });
}

async function findComment(tx: TenantTx, goalId: string, commentId: string) {
  const comment = await tx.comment.findFirst({ where: { id: commentId, goalId }, select: { id: true, authorId: true, milestoneId: true, mentionIds: true, deletedAt: true } });
  if (!comment) throw notFound('No such comment.');
  return comment;
}

/** { body }: the author rewrites their comment; emits goal.comment_updated (newly mentioned members listed apart). */
export async function updateComment(tenant: TenantContext, member: Member, goalId: string, commentId: string, input: unknown): Promise<CommentView> {
  const data = parseInput(commentBodyInputSchema, input);
  return onGoal(tenant, member, goalId, async (tx, loaded) => {
    const comment = await findComment(tx, goalId, commentId);
    if (comment.authorId !== member.userId) throw forbidden('Only its author can edit a comment.');
    assertMayWrite(tenant, member, loaded);
    if (comment.deletedAt) throw conflict('This comment was deleted.');
    const { body, mentionIds, plain } = await prepareBody(tx, loaded.goal, data.body);
    await tx.comment.update({ where: { id: commentId }, data: { body, mentionIds, editedAt: new Date() } });
    await emitEvent(
      tx,
      tenant.id,
      'goal.comment_updated',
      {
        goalId,
        milestoneId: comment.milestoneId,
        commentId,
        authorId: comment.authorId,
        body: plain,
        mentionedUserIds: mentionIds,
        newlyMentionedUserIds: mentionIds.filter((id) => !comment.mentionIds.includes(id)),
      },
      member.userId,
      goalAudience(loaded.goal),
    );
    return readView(tx, commentId, member, loaded);
  });
}

/** Its author (or an admin, audited) deletes a comment: its text goes, a placeholder stays. Emits goal.comment_deleted. */
export async function deleteComment(tenant: TenantContext, member: Member, goalId: string, commentId: string, ip: string | null = null): Promise<CommentView> {
  return onGoal(tenant, member, goalId, async (tx, loaded) => {
    const comment = await findComment(tx, goalId, commentId);
    const own = comment.authorId === member.userId;
    if (own ? !can(member.role, 'goals.write') : !isAdmin(member)) throw forbidden('Only its author or an admin can delete a comment.');
    if (!comment.deletedAt) {
      await tx.comment.update({ where: { id: commentId }, data: { body: '', mentionIds: [], deletedAt: new Date() } });
      await emitEvent(
        tx,
        tenant.id,
        'goal.comment_deleted',
        { goalId, milestoneId: comment.milestoneId, commentId, authorId: comment.authorId, deletedById: member.userId },
        member.userId,
        goalAudience(loaded.goal),
      );
      if (!own) {
        await recordAudit(tx, {
          tenantId: tenant.id,
          actor: { id: member.userId, email: member.email },
          action: 'comment.deleted',
          target: { type: 'comment', id: commentId },
          ip,
          metadata: { goalId, authorId: comment.authorId },
        });
      }
    }
    return readView(tx, commentId, member, loaded);
  });
}
