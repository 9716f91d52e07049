import { randomBytes } from 'node:crypto';
import type { Prisma } from '../db/generated/client.ts';

// Typed domain events, written to the DomainEvent outbox in the same transaction as the
// change they describe. Later issues deliver them (webhooks, jobs); the payloads here are
// the contract those consumers see.

export interface DomainEventPayloads {
  'user.created': { userId: string; email: string; name: string | null; role: string };
  'user.updated': { userId: string; email: string; changes: Record<string, unknown> };
  'user.deleted': { userId: string; email: string };
  'goal.created': { goalId: string; title: string; ownerId: string; teamId: string | null };
  'goal.updated': { goalId: string; changes: Record<string, unknown> };
  'goal.completed': { goalId: string; title: string; completedById: string; completedAt: string };
  'goal.deleted': { goalId: string; title: string };
  'habit.created': { habitId: string; name: string; userId: string; schedule: string };
  'habit.logged': { habitId: string; userId: string; date: string; note: string | null; currentStreak: number };
  'habit.streak_milestone': { habitId: string; userId: string; milestone: number; unit: 'days' | 'occurrences' | 'weeks' };
  'habit.deleted': { habitId: string; name: string };
  'team.member_added': { teamId: string; userId: string; role: string };
  'team.member_removed': { teamId: string; userId: string };
}

export type DomainEventType = keyof DomainEventPayloads;

export const DOMAIN_EVENT_TYPES = [
  'user.created',
  'user.updated',
  'user.deleted',
  'goal.created',
  'goal.updated',
  'goal.completed',
  'goal.deleted',
  'habit.created',
  'habit.logged',
  'habit.streak_milestone',
  'habit.deleted',
  'team.member_added',
  'team.member_removed',
] as const satisfies readonly DomainEventType[];

/** Any client or transaction (plain or tenant-scoped) that can write to the outbox. */
export interface EventWriter {
  domainEvent: { create(args: { data: Prisma.DomainEventUncheckedCreateInput }): PromiseLike<unknown> };
}

export function newEventId(): string {
  return `evt_${randomBytes(12).toString('base64url')}`;
}

/** Writes one event. Call it with the transaction that makes the change. */
export async function emitEvent<T extends DomainEventType>(
  tx: EventWriter,
  tenantId: string,
  type: T,
  payload: DomainEventPayloads[T],
  actorId: string | null = null,
): Promise<string> {
  const id = newEventId();
  await tx.domainEvent.create({ data: { id, tenantId, type, actorId, payload: payload as unknown as Prisma.InputJsonObject } });
  return id;
}
