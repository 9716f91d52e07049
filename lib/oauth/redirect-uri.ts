// Where an app may send users back to. Registered URIs are matched exactly (string equality) at
// /oauth/authorize: no prefixes, no wildcards. They must be https, except on this machine's
// loopback names (http://localhost, 127.0.0.1 or [::1], any port) for development and native
// apps. No fragments (RFC 6749 §3.1.2) and no credentials.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** Why this URL cannot be a redirect URI, or null when it can. */
export function redirectUriProblem(value: string): string | null {
  const url = parse(value);
  if (!url || !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return 'Enter a full URL, e.g. https://app.example.com/callback.';
  if (value.includes('#')) return 'A redirect URI cannot contain a fragment (#…).';
  if (url.username || url.password) return 'A redirect URI cannot contain credentials.';
  // Matching is exact, so a * would only ever match itself; refuse it rather than let an admin
  // believe a pattern like https://*.example.com/cb covers their subdomains.
  if (value.includes('*')) return 'Wildcards are not allowed: register each redirect URI in full.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null;
  return 'Use https (plain http only for localhost, 127.0.0.1 or [::1]).';
}

/** Logo and homepage links: web URLs, https except on loopback. */
export function webUrlProblem(value: string): string | null {
  const url = parse(value);
  if (!url || !/^https?:\/\//i.test(value)) return 'Enter a full URL, e.g. https://app.example.com.';
  if (url.username || url.password) return 'The URL cannot contain credentials.';
  if (url.protocol === 'https:' || LOOPBACK.has(url.hostname)) return null;
  return 'Use an https URL.';
}

/** The registered URI a request's redirect_uri names, exactly, or null. */
export function matchRedirectUri(registered: readonly string[], requested: string): string | null {
  return registered.find((uri) => uri === requested) ?? null;
}
