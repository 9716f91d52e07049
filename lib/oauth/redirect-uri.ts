// Where an app may send users back to. Registered URIs are matched exactly (string equality) at
// /oauth/authorize: no prefixes, no wildcards, with one exception from RFC 8252 §7.3: a native
// app's loopback IP redirect (http://127.0.0.1 or http://[::1]) matches on any port, since the
// app listens on whatever port the system gives it. They must be https, except on this
// machine's loopback names (http://localhost, 127.0.0.1 or [::1], any port) for development and
// native apps, and private-use schemes of native apps (RFC 8252 §7.1, reverse domain names such
// as com.example.app:/callback), which only public apps may use: such a scheme can be claimed
// by any app on the device, so it cannot vouch for a confidential client. No fragments
// (RFC 6749 §3.1.2) and no credentials.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const LOOPBACK_IPS = new Set(['127.0.0.1', '[::1]']);
/** A reverse-domain scheme: at least one period, so never http, https, javascript, data or file. */
const PRIVATE_USE_SCHEME = /^[a-z][a-z0-9+-]*(?:\.[a-z0-9+-]+)+:/i;

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** A native app's private-use scheme redirect (com.example.app:/callback). */
export const isPrivateUseRedirect = (value: string) => PRIVATE_USE_SCHEME.test(value);

/** Why this URL cannot be a redirect URI, or null when it can (client type aside: see nativeSchemeProblem). */
export function redirectUriProblem(value: string): string | null {
  const url = parse(value);
  const privateUse = isPrivateUseRedirect(value);
  if (!url || (!privateUse && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value))) return 'Enter a full URL, e.g. https://app.example.com/callback.';
  if (value.includes('#')) return 'A redirect URI cannot contain a fragment (#…).';
  if (url.username || url.password) return 'A redirect URI cannot contain credentials.';
  // Matching is exact, so a * would only ever match itself; refuse it rather than let an admin
  // believe a pattern like https://*.example.com/cb covers their subdomains.
  if (value.includes('*')) return 'Wildcards are not allowed: register each redirect URI in full.';
  if (privateUse) return url.pathname.length > 1 || url.host ? null : 'Add a path after the scheme, e.g. com.example.app:/callback.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null;
  return 'Use https (plain http only for localhost, 127.0.0.1 or [::1]; native apps may use a reverse-domain scheme such as com.example.app:/callback).';
}

/** Private-use schemes are for public (native) apps only. */
export function nativeSchemeProblem(value: string, clientType: 'public' | 'confidential'): string | null {
  return clientType === 'confidential' && isPrivateUseRedirect(value) ? 'Custom schemes such as com.example.app:/callback are for public (native) apps only; a confidential app uses https.' : null;
}

/** Logo and homepage links: web URLs, https except on loopback. */
export function webUrlProblem(value: string): string | null {
  const url = parse(value);
  if (!url || !/^https?:\/\//i.test(value)) return 'Enter a full URL, e.g. https://app.example.com.';
  if (url.username || url.password) return 'The URL cannot contain credentials.';
  if (url.protocol === 'https:' || LOOPBACK.has(url.hostname)) return null;
  return 'Use an https URL.';
}

/** The URI without its port, for comparing loopback IP redirects. */
function withoutPort(url: URL): string {
  const copy = new URL(url.href);
  copy.port = '';
  return copy.href;
}

/**
 * The redirect URI to use for a request's redirect_uri, or null: a registered URI equal to it,
 * or (loopback IP, http) the requested one when a registered URI differs only by its port.
 */
export function matchRedirectUri(registered: readonly string[], requested: string): string | null {
  if (registered.includes(requested)) return requested;
  const url = parse(requested);
  // Only a URI in its canonical spelling gets the port left free: nothing else about it may differ.
  if (!url || url.href !== requested || url.protocol !== 'http:' || !LOOPBACK_IPS.has(url.hostname)) return null;
  const bare = withoutPort(url);
  return registered.some((uri) => {
    const candidate = parse(uri);
    return candidate !== null && candidate.href === uri && withoutPort(candidate) === bare;
  })
    ? requested
    : null;
}
