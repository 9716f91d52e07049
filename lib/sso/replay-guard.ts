import { createHash } from 'node:crypto';
import { db, Prisma } from '../db/client.ts';
import type { ResponseFacts } from './saml-xml.ts';

// Jackson refuses a second use of an SP-initiated response (its session is spent), but an
// IdP-initiated response carries no session. So every accepted assertion is remembered here
// (ProcessedEvent, consumer "saml-assertion") and a second use of it is refused, whichever
// flow it arrives in. Only responses Jackson has validated are recorded, so a forged one
// cannot reserve an id ahead of a real one.

const CONSUMER = 'saml-assertion';
/** Far longer than any assertion lives (NotOnOrAfter plus clock skew). */
const KEEP_MS = 7 * 24 * 3600_000;

/** Records the response's assertions; false when any of them was seen before (a replay) or there are none. */
export async function claimAssertions(facts: ResponseFacts): Promise<boolean> {
  const keys = facts.assertionIds.map((id) => createHash('sha256').update(`${facts.issuer ?? ''}\n${id}`).digest('hex'));
  if (keys.length === 0) return false;
  try {
    await db.$transaction(keys.map((eventId) => db.processedEvent.create({ data: { consumer: CONSUMER, eventId } })));
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
    throw error;
  }
  // Now and then, forget assertions that expired long ago.
  if (Math.random() < 0.01) await db.processedEvent.deleteMany({ where: { consumer: CONSUMER, processedAt: { lt: new Date(Date.now() - KEEP_MS) } } });
  return true;
}
