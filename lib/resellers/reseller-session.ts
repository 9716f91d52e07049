import { redirect } from 'next/navigation';
import { cache } from 'react';
import { readSession } from '../auth/session.ts';
import { resellerActorFor, type ResellerActor } from './reseller-actor.ts';

// Reseller users sign in on the root domain with the platform's own sign-in (next-auth,
// email + password, session scoped to the platform like the operator's).

/** The signed-in reseller user on the root domain, or null. Memoized per request. */
export const getCurrentReseller = cache(async (): Promise<ResellerActor | null> => {
  const session = await readSession(null);
  return session ? resellerActorFor(session.userId) : null;
});

/** For reseller pages: the signed-in reseller user, or a redirect to the reseller sign-in. */
export async function requireReseller(): Promise<ResellerActor> {
  const actor = await getCurrentReseller();
  if (!actor) redirect('/reseller/signin');
  return actor;
}
