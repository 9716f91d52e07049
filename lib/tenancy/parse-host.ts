// Pure host classification; no I/O, so proxy.ts can call it on every request cheaply.

export type HostTarget =
  | { kind: 'platform' }
  | { kind: 'subdomain'; slug: string }
  | { kind: 'custom'; hostname: string }
  | { kind: 'invalid' };

const HOST_RE = /^[a-z0-9.-]+(:\d{1,5})?$/;

/** Lowercased hostname without port, or null when the Host header is malformed. */
export function normalizeHost(host: string | null | undefined): string | null {
  if (!host) return null;
  const value = host.trim().toLowerCase().replace(/\.$/, '');
  return HOST_RE.test(value) && value.length <= 260 ? value : null;
}

function stripPort(host: string): string {
  return host.replace(/:\d+$/, '');
}

export function parseHost(rawHost: string | null | undefined, rootDomain: string): HostTarget {
  const host = normalizeHost(rawHost);
  if (!host) return { kind: 'invalid' };
  const root = rootDomain.toLowerCase();
  // The root domain matches with or without its port (a proxy in front may drop it).
  if (host === root || stripPort(host) === stripPort(root) || host === `www.${root}`) return { kind: 'platform' };
  for (const suffix of new Set([`.${root}`, `.${stripPort(root)}`])) {
    if (host.endsWith(suffix)) {
      const sub = host.slice(0, -suffix.length);
      // One label only: a.b.<root> is nobody's workspace.
      return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(sub) ? { kind: 'subdomain', slug: sub } : { kind: 'invalid' };
    }
  }
  return { kind: 'custom', hostname: stripPort(host) };
}
