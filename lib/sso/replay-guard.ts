import { createHash } from 'node:crypto';
import { db, Prisma } from '../db/client.ts';

// Every accepted assertion is remembered (SamlAssertionUse) until it expires, and a second
// use of it is refused, whichever flow and ACS URL it arrives in. Its expiry is bounded
// (NotOnOrAfter, capped by the maximum assertion age), so the table stays small. Only verified
// assertions are recorded, so a forged one cannot reserve an id ahead of a real one.

/** Records the assertion; false when it was seen before (a replay). */
export async function claimAssertion(issuer: string, assertionId: string, expiresAt: Date): Promise<boolean> {
  const id = createHash('sha256').update(`${issuer}\n${assertionId}`).digest('hex');
  try {
    await db.samlAssertionUse.create({ data: { id, expiresAt } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
    throw error;
  }
  // Now and then, forget assertions that can no longer be accepted anyway.
  if (Math.random() < 0.01) await db.samlAssertionUse.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return true;
}
