import type { Member } from '../auth/session.ts';
import type { DomainEvent } from '../db/generated/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { emitEvent } from '../events/domain-events.ts';
import { forbidden, notFound } from '../http/problem.ts';
import { can } from '../members/permissions.ts';
import { audienceColumns, audienceFromColumns, canSee, goalAudience, habitAudience, type AudienceViewer } from '../realtime/audience.ts';
import { loadAudienceViewer } from '../realtime/viewer.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import type { KudosState } from './activity-schema.ts';
import { isKudosType } from './sentences.ts';

// Kudos: a reaction on a feed item that celebrates something (a completed goal, a habit's
// streak milestone). One per giver and event (a unique index), given or taken back; giving
// emits kudos.given and taking back kudos.removed, seen by whoever saw the event celebrated
// (its audience, copied).

type EventRow = Pick<DomainEvent, 'type' | 'actorId' | 'payload'>;

const payloadOf = (row: EventRow): Record<string, unknown> => (row.payload && typeof row.payload === 'object' && !Array.isArray(row.payload) ? (row.payload as Record<string, unknown>) : {});

/** Who is celebrated: whoever completed the goal, or the habit's owner. */
export function kudosRecipient(row: EventRow): string | null {
  const p = payloadOf(row);
  const id = row.type === 'goal.completed' ? p.completedById : p.userId;
  return typeof id === 'string' ? id : row.actorId;
}

function subjectOf(row: EventRow): { subjectType: 'goal' | 'habit'; subjectId: string } | null {
  const p = payloadOf(row);
  if (row.type === 'goal.completed' && typeof p.goalId === 'string') return { subjectType: 'goal', subjectId: p.goalId };
  if (row.type === 'habit.streak_milestone' && typeof p.habitId === 'string') return { subjectType: 'habit', subjectId: p.habitId };
  return null;
}

const mayGive = (member: Member, recipientId: string | null) => recipientId !== null && recipientId !== member.userId && can(member.role, 'goals.write');

/** Counts and the member's own kudos on these events. */
export async function kudosStates(tenantId: string, member: Member, events: { id: string; recipientId: string | null }[]): Promise<Map<string, KudosState>> {
  const out = new Map<string, KudosState>();
  if (events.length === 0) return out;
  const eventIds = events.map((e) => e.id);
  const scoped = tenantDb(tenantId);
  const [counts, mine] = await Promise.all([
    scoped.kudos.groupBy({ by: ['eventId'], where: { eventId: { in: eventIds } }, _count: { _all: true } }),
    scoped.kudos.findMany({ where: { eventId: { in: eventIds }, giverId: member.userId }, select: { eventId: true } }),
  ]);
  const countOf = new Map(counts.map((c) => [c.eventId, c._count._all]));
  const given = new Set(mine.map((k) => k.eventId));
  for (const event of events) out.set(event.id, { count: countOf.get(event.id) ?? 0, given: given.has(event.id), canGive: mayGive(member, event.recipientId) });
  return out;
}

/** The celebrated event, if the member may see it and what it is about is still theirs to see; 404 otherwise. */
async function celebratedEvent(tenant: TenantContext, viewer: AudienceViewer, eventId: string) {
  const scoped = tenantDb(tenant.id);
  const row = await scoped.domainEvent.findFirst({ where: { id: eventId }, select: { id: true, type: true, actorId: true, payload: true, audience: true, audienceTeamId: true, audienceUserIds: true } });
  const subject = row ? subjectOf(row) : null;
  if (!row || !subject || !isKudosType(row.type) || !canSee(row, viewer)) throw notFound('No such activity.');
  const visible =
    subject.subjectType === 'goal'
      ? await scoped.goal.findUnique({ where: { id: subject.subjectId }, select: { teamId: true, ownerId: true } }).then((g) => g !== null && canSee(audienceColumns(goalAudience(g)), viewer))
      : await scoped.habit.findUnique({ where: { id: subject.subjectId }, select: { userId: true, private: true } }).then((h) => h !== null && canSee(audienceColumns(habitAudience(h)), viewer));
  if (!visible) throw notFound('No such activity.');
  return { row, subject };
}

async function stateOf(tenant: TenantContext, member: Member, eventId: string, recipientId: string | null): Promise<KudosState> {
  return (await kudosStates(tenant.id, member, [{ id: eventId, recipientId }])).get(eventId)!;
}

function assertMayGive(member: Member, recipientId: string | null): void {
  if (recipientId === member.userId) throw forbidden('Kudos are for others: you cannot give yourself kudos.');
  if (!mayGive(member, recipientId)) throw forbidden('Your role does not allow giving kudos.');
}

/**
 * Gives kudos on a completion or streak milestone. Idempotent: giving twice (or twice at once)
 * leaves one row and emits kudos.given once (INSERT … ON CONFLICT DO NOTHING on eventId+giverId).
 */
export async function giveKudos(tenant: TenantContext, member: Member, eventId: string): Promise<KudosState> {
  const viewer = await loadAudienceViewer(tenant.id, member);
  const { row, subject } = await celebratedEvent(tenant, viewer, eventId);
  const recipientId = kudosRecipient(row);
  assertMayGive(member, recipientId);
  await tenantDb(tenant.id).$transaction(async (tx) => {
    const created = await tx.kudos.createManyAndReturn({
      data: [{ tenantId: tenant.id, eventId: row.id, giverId: member.userId, recipientId: recipientId! }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (created.length === 1) {
      await emitEvent(tx, tenant.id, 'kudos.given', { kudosId: created[0]!.id, eventId: row.id, giverId: member.userId, recipientId: recipientId!, ...subject }, member.userId, audienceFromColumns(row));
    }
  });
  return stateOf(tenant, member, row.id, recipientId);
}

/** Takes one's kudos back, emitting kudos.removed. Idempotent: nothing to take back is fine (and emits nothing). */
export async function takeBackKudos(tenant: TenantContext, member: Member, eventId: string): Promise<KudosState> {
  const viewer = await loadAudienceViewer(tenant.id, member);
  const { row, subject } = await celebratedEvent(tenant, viewer, eventId);
  const recipientId = kudosRecipient(row);
  assertMayGive(member, recipientId);
  await tenantDb(tenant.id).$transaction(async (tx) => {
    // DELETE … RETURNING: of requests taking the same kudos back at once, one gets the row.
    const removed = await tx.$queryRaw<{ id: string; recipientId: string }[]>`
      DELETE FROM "Kudos" WHERE "tenantId" = ${tenant.id} AND "eventId" = ${row.id} AND "giverId" = ${member.userId} RETURNING id, "recipientId"`;
    if (removed.length === 1) {
      const kudos = removed[0]!;
      await emitEvent(tx, tenant.id, 'kudos.removed', { kudosId: kudos.id, eventId: row.id, giverId: member.userId, recipientId: kudos.recipientId, ...subject }, member.userId, audienceFromColumns(row));
    }
  });
  return stateOf(tenant, member, row.id, recipientId);
}
