// What a suspended workspace still serves. proxy.ts sends every other request of a suspended
// workspace to the "account suspended" page (or a 403 problem for APIs). The billing page and
// its API stay reachable so that owners can pay an unpaid invoice and get the workspace back
// (see lib/billing/dunning.ts), and signing in (a forgotten password included) stays reachable
// so they can get there. The proxy cannot see roles cheaply: those pages and routes require
// the owner role themselves.
// A canceled workspace serves none of these.

const EXACT = new Set(['/signin', '/auth/handoff', '/forgot-password', '/api/password-reset', '/settings/billing', '/api/app/billing', '/api/sso/start']);
const PREFIXES = ['/reset-password/', '/api/password-reset/', '/settings/billing/', '/api/app/billing/', '/api/auth/', '/api/assets/'];

export function servedWhileSuspended(pathname: string): boolean {
  return EXACT.has(pathname) || PREFIXES.some((prefix) => pathname.startsWith(prefix));
}
