import type { NextRequest } from 'next/server';
import { config } from '../../config/env.ts';
import { AppError } from '../problem.ts';

// CSRF defence for cookie-authenticated writes. Every workspace subdomain is the same *site*
// as every other (SameSite=Lax lets globex's pages post to acme with acme's cookie), so the
// check is on the *origin*: the browser's Origin header must be this host's origin, or, when a
// browser sends no Origin, Sec-Fetch-Site must say same-origin. A request with neither did not
// come from a modern browser page and carries no ambient authority we want to honour.

export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** This request's own origin: the configured scheme and the (normalised) Host it arrived on. */
function ownOrigin(req: NextRequest): string {
  return `${config.scheme}://${req.headers.get('host') ?? req.nextUrl.host}`;
}

export function assertSameOrigin(req: NextRequest): void {
  const origin = req.headers.get('origin');
  if (origin !== null) {
    if (origin === ownOrigin(req)) return;
    throw new AppError(403, 'cross_site_request', `This request came from another site (${origin.slice(0, 100)}); it is only accepted from ${ownOrigin(req)}.`);
  }
  if (req.headers.get('sec-fetch-site') === 'same-origin') return;
  throw new AppError(403, 'cross_site_request', 'This request did not come from this site (no Origin or Sec-Fetch-Site header).');
}
