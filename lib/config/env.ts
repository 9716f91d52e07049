// Runtime configuration. Every variable has an embedded default so a fresh clone runs with
// no .env at all; .env.example documents them.

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

export const config = {
  /** Host (with port, if any) of the platform; tenants live on `<slug>.<rootDomain>`. */
  get rootDomain(): string {
    return (process.env.ROOT_DOMAIN ?? 'localhost:3000').toLowerCase();
  },
  /** Scheme for links to tenant hosts; plain http only makes sense on localhost. */
  get scheme(): 'http' | 'https' {
    const explicit = process.env.APP_SCHEME;
    if (explicit === 'http' || explicit === 'https') return explicit;
    return /(^|\.)localhost(:\d+)?$/.test(this.rootDomain) ? 'http' : 'https';
  },
  /** Seconds a resolved host stays in the in-process tenant cache. */
  get tenantCacheTtlSeconds(): number {
    return Number(process.env.TENANT_CACHE_TTL_SECONDS ?? 60);
  },
  get secureCookies(): boolean {
    return bool(process.env.SECURE_COOKIES, this.scheme === 'https');
  },
};

export function tenantOrigin(slug: string): string {
  return `${config.scheme}://${slug}.${config.rootDomain}`;
}

export function platformOrigin(): string {
  return `${config.scheme}://${config.rootDomain}`;
}
