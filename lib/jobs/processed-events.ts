import { db, type Prisma } from '../db/client.ts';

// Jobs run at least once, so every consumer of a domain event must tolerate a repeat.
// once() records (consumer, eventId) in "ProcessedEvent" in the same transaction as the
// consumer's own writes: a repeat finds the row and skips; a failure rolls the row back, so
// the retry runs again. A concurrent duplicate waits on the row's primary key and then skips.
// Side effects outside the database (an HTTP call) can still repeat if the commit fails
// after them.

export type OnceResult<T> = { ran: true; result: T } | { ran: false };

export async function once<T>(consumer: string, eventId: string, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<OnceResult<T>> {
  return db.$transaction(
    async (tx): Promise<OnceResult<T>> => {
      const inserted = await tx.$executeRaw`
        INSERT INTO "ProcessedEvent" ("consumer", "eventId") VALUES (${consumer}, ${eventId})
        ON CONFLICT DO NOTHING`;
      if (inserted === 0) return { ran: false };
      return { ran: true, result: await fn(tx) };
    },
    { timeout: 60_000 },
  );
}
