import { z } from 'zod';
import { parseRetentionDays } from '../retention/windows.ts';

// Every environment variable Waypoint reads, in one zod schema. Each has an embedded default
// where one can serve, so a fresh clone runs with none set; production mode adds the
// requirements a real deployment must meet (checkProduction below) and refuses to boot
// without them. .env.example documents the same variables.

const text = z.string().trim();
const optionalText = text.optional().transform((value) => value || undefined);
const flag = (fallback: boolean) =>
  text
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      const lower = value.toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(lower)) return true;
      if (['0', 'false', 'no', 'off'].includes(lower)) return false;
      ctx.addIssue({ code: 'custom', message: `expected true or false, got "${value}"` });
      return z.NEVER;
    });
const integer = (fallback: number, min: number, max: number) =>
  text
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      const number = Number(value);
      if (!Number.isInteger(number) || number < min || number > max) {
        ctx.addIssue({ code: 'custom', message: `expected a whole number from ${min} to ${max}, got "${value}"` });
        return z.NEVER;
      }
      return number;
    });
const url = (protocols: string[]) =>
  optionalText.refine((value) => {
    if (value === undefined) return true;
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `expected a ${protocols.map((p) => p.replace(':', '://')).join(' or ')} URL`);

export const envSchema = z.object({
  /** `production` (no demo data, every secret required) or `demo` (npm start on a fresh clone). */
  WAYPOINT_MODE: z.enum(['demo', 'production']).optional(),
  NODE_ENV: optionalText,

  DATABASE_URL: url(['postgres:', 'postgresql:']),
  /** Past a transaction-mode PgBouncer: PostgreSQL itself, for what needs a session (LISTEN, migrations, Jackson). */
  DATABASE_DIRECT_URL: url(['postgres:', 'postgresql:']),
  /** A read replica for heavy reads (platform analytics, exports, usage charts); unset: the primary. */
  DATABASE_READ_URL: url(['postgres:', 'postgresql:']),
  DATABASE_POOL_SIZE: integer(10, 1, 500),
  EMBEDDED_POSTGRES_PORT: integer(54329, 1, 65535),
  PORT: integer(3000, 1, 65535),
  /** Host (and port, if any) of the platform; tenants live on `<slug>.<ROOT_DOMAIN>`. */
  ROOT_DOMAIN: optionalText.refine((value) => value === undefined || /^[a-z0-9.-]+(:\d{1,5})?$/i.test(value), 'expected a host name, optionally with :port'),
  APP_SCHEME: z.enum(['http', 'https']).optional(),
  SECURE_COOKIES: text.optional(),

  NEXTAUTH_SECRET: optionalText,
  ENCRYPTION_KEY: optionalText,
  SAML_SP_CERT: optionalText,
  SAML_SP_KEY: optionalText,
  SAML_SP_ENTITY_ID: optionalText,
  JACKSON_POOL_SIZE: integer(5, 1, 100),
  SSO_DEBUG: flag(false),

  TENANT_CACHE_TTL_SECONDS: integer(60, 0, 86_400),
  DNS_SERVERS: optionalText,
  CNAME_TARGET: optionalText,

  SMTP_URL: url(['smtp:', 'smtps:']),
  EMAIL_FROM: optionalText,
  /** The platform's support address, shown where a workspace has none of its own (e.g. the 403 page). */
  SUPPORT_EMAIL: optionalText.refine((value) => value === undefined || /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(value), 'expected an email address'),

  REDIS_URL: url(['redis:', 'rediss:']),
  UPSTASH_REDIS_REST_URL: url(['https:', 'http:']),
  UPSTASH_REDIS_REST_TOKEN: optionalText,

  JOBS_IN_SERVER: flag(true),
  WEBHOOKS_ALLOW_LOCALHOST: flag(false),
  INNGEST_EVENT_KEY: optionalText,
  INNGEST_SIGNING_KEY: optionalText,
  INNGEST_DEV: optionalText,

  STRIPE_SECRET_KEY: optionalText,
  STRIPE_WEBHOOK_SECRET: optionalText,
  STRIPE_API_BASE: url(['http:', 'https:']),

  // First-party integrations (lib/integrations): each is "not configured on this installation"
  // until its client id and secret are set. *_API_BASE sends every call of that provider
  // (OAuth and API) to one base URL instead: tests point it at a local fake server.
  GOOGLE_CLIENT_ID: optionalText,
  GOOGLE_CLIENT_SECRET: optionalText,
  GOOGLE_API_BASE: url(['http:', 'https:']),
  MICROSOFT_CLIENT_ID: optionalText,
  MICROSOFT_CLIENT_SECRET: optionalText,
  /** The Entra ID tenant users sign in through: common (any work or personal account), organizations, or a tenant id. */
  MICROSOFT_TENANT: optionalText,
  MICROSOFT_API_BASE: url(['http:', 'https:']),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_BASE: url(['http:', 'https:']),
  // The AI coach (lib/coach): any OpenAI-compatible Chat Completions endpoint (OpenAI, Azure
  // OpenAI, vLLM, Ollama). All three or none; unset: no workspace has a coach.
  /** Base URL of the API, up to and including /v1 (https://api.openai.com/v1, http://localhost:11434/v1). */
  COACH_API_BASE: url(['http:', 'https:']),
  COACH_API_KEY: optionalText,
  /** The model (or Azure deployment) every answer comes from, e.g. gpt-4o-mini or llama3.1. */
  COACH_MODEL: optionalText,
  /** A public https base URL providers can reach for push notifications (Google watch channels, Graph subscriptions); unset: calendars are polled. */
  INTEGRATIONS_PUSH_URL: url(['https:']),

  /** How many proxies (load balancers, CDNs) in front of the app append to X-Forwarded-For. */
  TRUSTED_PROXY_HOPS: integer(0, 0, 10),
  /** Or: the addresses/CIDRs of those proxies (proxy-addr syntax: "10.0.0.0/8, loopback"). */
  TRUSTED_PROXIES: optionalText,
  /** How many app instances serve this deployment (production checks shared state for > 1). */
  WAYPOINT_INSTANCES: integer(1, 1, 10_000),
  /** Seconds a stopping server waits for requests and jobs in flight. */
  SHUTDOWN_TIMEOUT_SECONDS: integer(25, 1, 600),
  /** Retention windows in days that differ from the defaults, "api_request_logs=120,sessions=14" (lib/retention/windows.ts). */
  RETENTION_DAYS: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** off: logs keep email addresses, whole IPs and tokens (local debugging only). */
  LOG_REDACT: z.enum(['on', 'off']).optional(),
  /** OTLP/HTTP collector base URL (traces go to <url>/v1/traces, metrics to <url>/v1/metrics); unset: no telemetry. */
  OTEL_EXPORTER_OTLP_ENDPOINT: url(['http:', 'https:']),
  /** Headers for the collector ("api-key=…,x-team=…"); read by the OTLP exporters themselves. */
  OTEL_EXPORTER_OTLP_HEADERS: optionalText,
  /** Milliseconds between metric exports. */
  OTEL_METRIC_EXPORT_INTERVAL: integer(60_000, 1_000, 3_600_000),
  OTEL_SERVICE_NAME: optionalText,
});

export type Env = z.infer<typeof envSchema>;

/** The variables the schema knows; anything else in the environment is not Waypoint's. */
export const ENV_KEYS = Object.keys(envSchema.shape) as (keyof Env)[];

/** A 32-byte key in base64 (openssl rand -base64 32). */
export function isEncryptionKey(value: string): boolean {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32;
}

const PEM_OR_BASE64 = /-----BEGIN [A-Z ]+-----|^[A-Za-z0-9+/=\s]+$/;

/**
 * What production needs beyond the schema: every secret set explicitly (a generated one would
 * differ on each instance, so instances could not read each other's cookies or secrets),
 * the public host, the database, and shared state for more than one instance. Returns one
 * readable line per problem.
 */
export function checkProduction(env: Env): string[] {
  const problems: string[] = [];
  const need = (name: keyof Env, why: string) => {
    if (!env[name]) problems.push(`${name} is not set: ${why}`);
  };
  need('DATABASE_URL', 'the PostgreSQL database (postgresql://user:password@host:5432/waypoint).');
  need('ROOT_DOMAIN', 'the platform host workspaces live under (e.g. waypoint.example.com).');
  need('NEXTAUTH_SECRET', 'the key session cookies are encrypted with; every instance must share it (openssl rand -base64 32).');
  if (env.NEXTAUTH_SECRET && env.NEXTAUTH_SECRET.length < 32) problems.push('NEXTAUTH_SECRET is too short: use at least 32 random characters (openssl rand -base64 32).');
  need('ENCRYPTION_KEY', 'encrypts webhook signing secrets and SSO keys at rest; 32 bytes, base64 (openssl rand -base64 32).');
  if (env.ENCRYPTION_KEY && !isEncryptionKey(env.ENCRYPTION_KEY)) problems.push('ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32).');
  need('SAML_SP_CERT', "the SAML service provider's certificate (PEM, or base64 of the PEM); IdPs are given it once, so it must not change.");
  need('SAML_SP_KEY', 'the private key of SAML_SP_CERT (PEM, or base64 of the PEM).');
  for (const name of ['SAML_SP_CERT', 'SAML_SP_KEY'] as const) {
    if (env[name] && !PEM_OR_BASE64.test(env[name])) problems.push(`${name} must be PEM or base64 of the PEM.`);
  }
  if (env.WAYPOINT_INSTANCES > 1 && !env.REDIS_URL && !(env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN)) {
    problems.push(`WAYPOINT_INSTANCES is ${env.WAYPOINT_INSTANCES} but no shared rate-limit store is set: set REDIS_URL (or UPSTASH_REDIS_REST_URL and _TOKEN), or every instance keeps its own limits.`);
  }
  if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) problems.push('STRIPE_SECRET_KEY is set without STRIPE_WEBHOOK_SECRET: subscriptions would never be kept in sync.');
  return problems;
}

/** Settings production runs with, but that an operator should know about: logged at boot. */
export function productionWarnings(env: Env): string[] {
  const warnings: string[] = [];
  if (env.WEBHOOKS_ALLOW_LOCALHOST) warnings.push('WEBHOOKS_ALLOW_LOCALHOST is on: webhooks may be sent to this machine over http (a development setting).');
  if (!env.SMTP_URL) warnings.push('SMTP_URL is not set: email (invitations, sign-in links, password resets) stays in the outbox, readable by platform operators at /dev/outbox.');
  if (!env.STRIPE_SECRET_KEY) warnings.push('STRIPE_SECRET_KEY is not set: billing is "not configured"; operators set plans by hand.');
  return warnings;
}

/** Problems that make any configuration unusable, demo or production. */
export function checkAlways(env: Env): string[] {
  const problems: string[] = [];
  if (env.TRUSTED_PROXIES && env.TRUSTED_PROXY_HOPS > 0) problems.push('Set TRUSTED_PROXY_HOPS or TRUSTED_PROXIES, not both.');
  if (Boolean(env.UPSTASH_REDIS_REST_URL) !== Boolean(env.UPSTASH_REDIS_REST_TOKEN)) problems.push('Set both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN, or neither.');
  if (Boolean(env.INNGEST_EVENT_KEY) !== Boolean(env.INNGEST_SIGNING_KEY)) problems.push('Set both INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY, or neither.');
  if (env.ENCRYPTION_KEY && !isEncryptionKey(env.ENCRYPTION_KEY)) problems.push('ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32).');
  const coach = [env.COACH_API_BASE, env.COACH_API_KEY, env.COACH_MODEL].filter(Boolean).length;
  if (coach > 0 && coach < 3) problems.push('Set all three of COACH_API_BASE, COACH_API_KEY and COACH_MODEL, or none (the AI coach is off without them).');
  problems.push(...parseRetentionDays(env.RETENTION_DAYS).problems.map((problem) => `RETENTION_DAYS: ${problem}.`));
  return problems;
}
