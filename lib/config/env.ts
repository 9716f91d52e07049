import { checkAlways, checkProduction, ENV_KEYS, envSchema, type Env } from './schema.ts';

// The one module the app reads its configuration from. The schema (schema.ts) is applied to
// process.env; the result is kept until a Waypoint variable changes (tests change some at run
// time), so reading it on the hot path costs a string comparison.

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Waypoint's configuration is not usable:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
  }
}

let cached: { fingerprint: string; env: Env } | undefined;

function fingerprint(): string {
  let key = '';
  for (const name of ENV_KEYS) key += `${process.env[name] ?? '\u0000'}\u0001`;
  return key;
}

/** Validates an environment; lists every problem rather than stopping at the first. */
export function parseEnv(source: Record<string, string | undefined>): { env?: Env; problems: string[] } {
  const result = envSchema.safeParse(source);
  if (!result.success) return { problems: result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  return { env: result.data, problems: checkAlways(result.data) };
}

/** The parsed environment; throws ConfigError when it is invalid. */
export function env(): Env {
  const key = fingerprint();
  if (cached?.fingerprint === key) return cached.env;
  const { env: parsed, problems } = parseEnv(process.env);
  if (!parsed || problems.length > 0) throw new ConfigError(problems);
  cached = { fingerprint: key, env: parsed };
  return parsed;
}

/** Production when WAYPOINT_MODE says so; `npm start` sets it from NODE_ENV (Next's own builds always run as NODE_ENV=production). */
export function isProduction(source: Env = env()): boolean {
  return source.WAYPOINT_MODE === 'production';
}

/**
 * The mode a command starts in, decided once at the command line and passed on in
 * WAYPOINT_MODE: production when WAYPOINT_MODE says so, or when NODE_ENV=production and
 * WAYPOINT_MODE is unset (never for `npm run dev`).
 */
export function startMode(source: Record<string, string | undefined> = process.env, options: { dev?: boolean } = {}): 'demo' | 'production' {
  if (options.dev) return 'demo';
  if (source.WAYPOINT_MODE === 'production' || source.WAYPOINT_MODE === 'demo') return source.WAYPOINT_MODE;
  return source.NODE_ENV === 'production' ? 'production' : 'demo';
}

/** Every problem that stops this environment from booting in its mode (empty: fine). */
export function bootProblems(source: Record<string, string | undefined> = process.env): string[] {
  const { env: parsed, problems } = parseEnv(source);
  if (!parsed) return problems;
  return parsed.WAYPOINT_MODE === 'production' ? [...problems, ...checkProduction(parsed)] : problems;
}

const LOCALHOST = /(^|\.)localhost(:\d+)?$/;

export const config = {
  /** Host (with port, if any) of the platform; tenants live on `<slug>.<rootDomain>`. */
  get rootDomain(): string {
    return (env().ROOT_DOMAIN ?? `localhost:${env().PORT}`).toLowerCase();
  },
  /** Scheme for links to tenant hosts; plain http only makes sense on localhost. */
  get scheme(): 'http' | 'https' {
    return env().APP_SCHEME ?? (LOCALHOST.test(this.rootDomain) ? 'http' : 'https');
  },
  /**
   * For connections that need a session of their own (LISTEN, session advisory locks), which a
   * transaction-mode PgBouncer cannot give: DATABASE_DIRECT_URL when set, else DATABASE_URL.
   */
  get directDatabaseUrl(): string | undefined {
    return env().DATABASE_DIRECT_URL ?? env().DATABASE_URL;
  },
  /** Seconds a resolved host stays in the in-process tenant cache. */
  get tenantCacheTtlSeconds(): number {
    return env().TENANT_CACHE_TTL_SECONDS;
  },
  get secureCookies(): boolean {
    const value = env().SECURE_COOKIES?.toLowerCase();
    if (value === undefined || value === '') return this.scheme === 'https';
    return ['1', 'true', 'yes', 'on'].includes(value);
  },
  get production(): boolean {
    return isProduction();
  },
};

export function tenantOrigin(slug: string): string {
  return `${config.scheme}://${slug}.${config.rootDomain}`;
}

/** Where people get help: the workspace's own support address, else the platform's (SUPPORT_EMAIL), else none. */
export function supportEmail(tenantSupportEmail?: string | null): string | null {
  return tenantSupportEmail || env().SUPPORT_EMAIL || null;
}

export function platformOrigin(): string {
  return `${config.scheme}://${config.rootDomain}`;
}
