import { operatorRoute } from '@/lib/http/route';
import { setRestriction } from '@/lib/privacy/restriction';

/** Freezes (or lifts the freeze on) processing for a person on request: { email, restricted, reason }. No sign-in, no email, data kept. Audited. */
export const POST = operatorRoute({ body: 'json' }, async ({ operator, body, ip }) => Response.json(await setRestriction(operator, body, ip)));
