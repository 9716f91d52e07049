import type { Member } from '../auth/session.ts';
import { db } from '../db/client.ts';
import type { DomainEvent, Prisma } from '../db/generated/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { loadGoalForViewer } from '../goals/goal-access.ts';
import { STREAK_UNITS, type StreakUnit } from '../habits/streaks.ts';
import { notFound } from '../http/problem.ts';
import { languageForRecipient, translatorFor } from '../i18n/translator.ts';
import { audienceColumns, canSee, goalAudience, habitAudience, visibleEventsWhere, type AudienceViewer } from '../realtime/audience.ts';
import { loadAudienceViewer } from '../realtime/viewer.ts';
import { loadTeamForViewer } from '../teams/team-access.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { ACTIVITY_PAGE_SIZE, FILTER_TYPES, type ActivityFilter, type ActivityItem, type ActivityPage, type ActivityScope } from './activity-schema.ts';
import { kudosStates, kudosRecipient } from './kudos.ts';
import { continuesGroup, describeGroup, groupEvents, isKudosType, sentenceText, type Named, type ResolvedEvent } from './sentences.ts';

// Activity feeds (workspace, team, goal, member) read from the DomainEvent outbox:
// - who may see an event was decided when it was written (DomainEvent.audience, filtered here by
//   visibleEventsWhere, the same rule as the live stream);
// - names are read now, and the thing an event is about must still be visible to the viewer
//   (a goal that became personal, a habit made private, a deleted comment: the item is dropped),
//   so a title never reaches someone who cannot open it;
// - pages are cursor-paginated by seq, newest first; consecutive similar events are grouped,
//   and a page's `limit` counts items (groups), never splitting one.

/** How many events a round reads; a page takes a few rounds at most when many are dropped. */
const BATCH = 100;
const MAX_ROUNDS = 5;

type Row = Pick<DomainEvent, 'id' | 'seq' | 'type' | 'actorId' | 'payload' | 'occurredAt'>;

/** Checks the scope is one the member may look at (404 like a missing one) and gives its event filter. */
async function scopeWhere(tenant: TenantContext, member: Member, scope: ActivityScope): Promise<Prisma.DomainEventWhereInput> {
  const scoped = tenantDb(tenant.id);
  switch (scope.kind) {
    case 'workspace':
      return {};
    case 'team':
      await loadTeamForViewer(scoped, tenant, member, scope.teamId);
      return { audienceTeamId: scope.teamId };
    case 'goal':
      await loadGoalForViewer(scoped, tenant, member, scope.goalId);
      // Its events come after it was made: the bound keeps the scan to that span ((tenantId, occurredAt) index).
      const { createdAt } = await scoped.goal.findUniqueOrThrow({ where: { id: scope.goalId }, select: { createdAt: true } });
      return { payload: { path: ['goalId'], equals: scope.goalId }, occurredAt: { gte: new Date(createdAt.getTime() - 60_000) } };
    case 'member': {
      const membership = await scoped.membership.findFirst({ where: { userId: scope.userId }, select: { id: true } });
      if (!membership) throw notFound('No such member in this workspace.');
      return { actorId: scope.userId };
    }
  }
}

/** One page of a feed for this member, its sentences in the member's language (the one their pages speak). */
export async function activityFeed(
  tenant: TenantContext,
  member: Member,
  scope: ActivityScope,
  query: { type?: ActivityFilter; cursor?: string; limit?: number } = {},
): Promise<ActivityPage> {
  const limit = query.limit ?? ACTIVITY_PAGE_SIZE;
  const base: Prisma.DomainEventWhereInput[] = [await scopeWhere(tenant, member, scope), { type: { in: FILTER_TYPES[query.type ?? 'all'] } }];
  const viewer = await loadAudienceViewer(tenant.id, member);
  base.push(visibleEventsWhere(viewer));

  const scoped = tenantDb(tenant.id);
  const kept: ResolvedEvent[] = [];
  const raw = new Map<string, Row>();
  let before = query.cursor ? BigInt(query.cursor) : null;
  let more = true;
  let itemCount = 0;
  let full = false;
  // A page is `limit` items, each whole: past the last one, events that fold into it still
  // join it, so no group is split between two pages.
  for (let round = 0; round < MAX_ROUNDS && more && !full; round++) {
    const rows: Row[] = await scoped.domainEvent.findMany({
      where: { AND: [...base, ...(before !== null ? [{ seq: { lt: before } }] : [])] },
      orderBy: { seq: 'desc' },
      take: BATCH,
      select: { id: true, seq: true, type: true, actorId: true, payload: true, occurredAt: true },
    });
    more = rows.length === BATCH;
    const resolved = await resolveEvents(tenant, viewer, scope, rows);
    for (const [i, row] of rows.entries()) {
      const event = resolved[i];
      const joins = event !== null && kept.length > 0 && continuesGroup(kept[kept.length - 1]!, event);
      if (event && !joins && itemCount >= limit) {
        more = true;
        full = true;
        break;
      }
      before = row.seq;
      if (event) {
        if (!joins) itemCount++;
        kept.push(event);
        raw.set(event.id, row);
      }
    }
  }

  const groups = groupEvents(kept);
  const t = await translatorFor(languageForRecipient(tenant, member), tenant.branding);
  const kudosIds = groups.filter((g) => isKudosType(g[0]!.type)).map((g) => g[0]!.id);
  const kudos = await kudosStates(tenant.id, member, kudosIds.map((id) => ({ id, recipientId: kudosRecipient(raw.get(id)!) })));
  const items: ActivityItem[] = groups.map((group) => {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const parts = describeGroup(group, t);
    return {
      id: first.id,
      seq: first.seq.toString(),
      type: first.type,
      at: first.at.toISOString(),
      since: last.at.toISOString(),
      actor: first.actor,
      parts,
      text: sentenceText(parts),
      count: group.length,
      kudos: kudos.get(first.id) ?? null,
    };
  });
  return { items, nextCursor: more && before !== null ? before.toString() : null };
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const payloadOf = (row: Row): Record<string, unknown> => (row.payload && typeof row.payload === 'object' && !Array.isArray(row.payload) ? (row.payload as Record<string, unknown>) : {});

function ids(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string'))];
}

/** What the rows are about, read now; an entry per row, null where the viewer must not see it (or the feed does not show it). */
async function resolveEvents(tenant: TenantContext, viewer: AudienceViewer, scope: ActivityScope, rows: Row[]): Promise<(ResolvedEvent | null)[]> {
  if (rows.length === 0) return [];
  const scoped = tenantDb(tenant.id);
  const payloads = rows.map(payloadOf);
  const goalIds = ids(payloads.map((p) => str(p.goalId)));
  const habitIds = ids(payloads.map((p) => str(p.habitId)));
  const teamIds = ids(payloads.map((p) => str(p.teamId)));
  const commentIds = ids(payloads.map((p) => str(p.commentId)));
  const userIds = ids([...rows.map((r) => r.actorId ?? undefined), ...payloads.map((p) => str(p.userId))]);

  const [goals, habits, teams, comments, users] = await Promise.all([
    goalIds.length ? scoped.goal.findMany({ where: { id: { in: goalIds } }, select: { id: true, title: true, teamId: true, ownerId: true } }) : [],
    habitIds.length ? scoped.habit.findMany({ where: { id: { in: habitIds } }, select: { id: true, name: true, userId: true, private: true, schedule: true } }) : [],
    teamIds.length ? scoped.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true, visibility: true } }) : [],
    commentIds.length ? scoped.comment.findMany({ where: { id: { in: commentIds } }, select: { id: true, deletedAt: true } }) : [],
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [],
  ]);
  const goalById = new Map(goals.filter((g) => canSee(audienceColumns(goalAudience(g)), viewer)).map((g) => [g.id, g]));
  const habitById = new Map(habits.filter((h) => canSee(audienceColumns(habitAudience(h)), viewer)).map((h) => [h.id, h]));
  const teamById = new Map(
    teams.filter((t) => t.visibility === 'public' || canSee({ audience: 'team', audienceTeamId: t.id, audienceUserIds: [] }, viewer)).map((t) => [t.id, t]),
  );
  const liveComments = new Set(comments.filter((c) => c.deletedAt === null).map((c) => c.id));
  const userById = new Map(users.map((u) => [u.id, { id: u.id, name: u.name ?? u.email }]));
  const person = (id: string | null | undefined): Named | null => (id ? (userById.get(id) ?? null) : null);

  return rows.map((row, i): ResolvedEvent | null => {
    const p = payloads[i]!;
    const event: ResolvedEvent = { id: row.id, seq: row.seq, type: row.type, at: row.occurredAt, actor: person(row.actorId) };
    if (row.type.startsWith('goal.')) {
      const goal = goalById.get(str(p.goalId) ?? '');
      if (!goal) return null;
      // A goal moved to another team since: its history stays out of this team's feed.
      if (scope.kind === 'team' && goal.teamId !== scope.teamId) return null;
      event.goal = { id: goal.id, name: goal.title };
      if (row.type === 'goal.created' && goal.teamId) {
        const team = teamById.get(goal.teamId);
        if (team) event.team = { id: team.id, name: team.name };
      }
      if (row.type === 'goal.updated') {
        const changes = (p.changes ?? {}) as Record<string, unknown>;
        const progress = num((changes.progress as Record<string, unknown> | undefined)?.to);
        const status = changes.status as Record<string, unknown> | undefined;
        if (progress !== undefined) event.progress = progress;
        else if (status?.from === 'completed' && status.to === 'active') event.reopened = true;
        else return null;
      }
      if (row.type === 'goal.commented' && !liveComments.has(str(p.commentId) ?? '')) return null;
      return event;
    }
    if (row.type.startsWith('habit.')) {
      const habit = habitById.get(str(p.habitId) ?? '');
      if (!habit) return null;
      const unit: StreakUnit = row.type === 'habit.streak_milestone' && (p.unit === 'days' || p.unit === 'weeks' || p.unit === 'occurrences') ? p.unit : STREAK_UNITS[habit.schedule];
      event.habit = { id: habit.id, name: habit.name, unit, linkable: habit.userId === viewer.userId };
      event.streak = num(p.currentStreak);
      event.milestone = num(p.milestone);
      if (habit.userId !== row.actorId) event.subject = person(habit.userId) ?? undefined;
      return event;
    }
    if (row.type.startsWith('team.')) {
      const team = teamById.get(str(p.teamId) ?? '');
      const subject = person(str(p.userId));
      if (!team || !subject) return null;
      event.team = { id: team.id, name: team.name };
      event.subject = subject;
      return event;
    }
    return null;
  });
}

