/**
 * Where to send someone after they sign in: a path on this same host, or null. Anything
 * that could leave the host (//evil.test, /\evil.test, https://…, control characters) is
 * refused, so ?callbackUrl= cannot be used as an open redirect.
 */
export function localCallbackUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 4096) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || /[\u0000-\u001f\u007f]/.test(value)) return null;
  try {
    const base = 'http://host.invalid';
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

/** The sign-in page, asked to come back to `path` (this host's) afterwards. */
export function signInUrl(path: string): string {
  return `/signin?${new URLSearchParams({ callbackUrl: path })}`;
}
