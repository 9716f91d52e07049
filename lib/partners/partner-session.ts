import { redirect } from 'next/navigation';
import { cache } from 'react';
import { readSession } from '../auth/session.ts';
import { partnerActorFor, type PartnerActor } from './partner-actor.ts';

// Partner users sign in on the root domain with the platform's own sign-in (like resellers).

/** The signed-in partner user on the root domain, or null. Memoized per request. */
export const getCurrentPartner = cache(async (): Promise<PartnerActor | null> => {
  const session = await readSession(null);
  return session ? partnerActorFor(session.userId) : null;
});

/** For partner portal pages: the signed-in partner user, or a redirect to the partner sign-in. */
export async function requirePartner(): Promise<PartnerActor> {
  const actor = await getCurrentPartner();
  if (!actor) redirect('/partner/signin');
  return actor;
}
