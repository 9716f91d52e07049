import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Prisma } from '../db/generated/client.ts';
import { audienceColumns, defaultAudience, needsExplicitAudience, type Audience } from '../realtime/audience.ts';
import { EVENT_CATALOG, type EventCatalog } from './event-catalog.ts';

// Typed domain events, written to the DomainEvent outbox in the same transaction as the
// change they describe. Later issues deliver them (webhooks, jobs); the payloads here are
// the contract those consumers see.

export type DomainEventPayloads = { [K in keyof EventCatalog]: z.infer<EventCatalog[K]['schema']> };

export type DomainEventType = keyof DomainEventPayloads;

export const DOMAIN_EVENT_TYPES = Object.keys(EVENT_CATALOG) as DomainEventType[];

/** Any client or transaction (plain or tenant-scoped) that can write to the outbox. */
export interface EventWriter {
  domainEvent: { create(args: { data: Prisma.DomainEventUncheckedCreateInput }): PromiseLike<unknown> };
}

export function newEventId(): string {
  return `evt_${randomBytes(12).toString('base64url')}`;
}

/**
 * Writes one event. Call it with the transaction that makes the change. Goal, habit and kudos
 * events need their audience (who may see them: lib/realtime/audience.ts); others have one.
 */
export async function emitEvent<T extends DomainEventType>(
  tx: EventWriter,
  tenantId: string,
  type: T,
  payload: DomainEventPayloads[T],
  actorId: string | null = null,
  audience?: Audience,
): Promise<string> {
  const who = audience ?? (needsExplicitAudience(type) ? null : defaultAudience(type, payload as Record<string, unknown>));
  if (!who) throw new Error(`emitEvent: ${type} needs an audience`);
  const id = newEventId();
  await tx.domainEvent.create({ data: { id, tenantId, type, actorId, payload: payload as unknown as Prisma.InputJsonObject, ...audienceColumns(who) } });
  return id;
}
