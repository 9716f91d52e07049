// What Waypoint keeps, and for how long (README › Privacy and retention): each kind of row
// that has served its purpose once it is older than its window, in days. Records kept for
// debugging, analytics or replay (request logs, deliveries, emails) and secrets or personal
// data that only mattered until they expired (one-time tokens, sessions, sign-in throttles).
// RETENTION_DAYS overrides a window ("api_request_logs=120,sessions=14"), never below its
// floor, under which a feature that reads the rows would break. The deletes: policies.ts.

export interface RetentionWindow {
  name: string;
  /** What goes, for the README and the job's log. */
  description: string;
  defaultDays: number;
  /** The shortest window allowed: what reads these rows needs at least this much. */
  minDays: number;
}

export const RETENTION_WINDOWS = [
  { name: 'api_request_logs', defaultDays: 90, minDays: 90, description: 'API request log lines (developer and partner analytics read up to 90 days back).' },
  { name: 'domain_events', defaultDays: 365, minDays: 30, description: 'Domain events already relayed (the outbox), with the kudos given on them: activity feeds reach back this far.' },
  { name: 'webhook_deliveries', defaultDays: 30, minDays: 1, description: 'Webhook deliveries that succeeded or failed for good, with their attempts.' },
  { name: 'email_messages', defaultDays: 30, minDays: 1, description: 'Emails sent (or kept for the dev outbox).' },
  { name: 'notifications', defaultDays: 180, minDays: 30, description: 'In-app notifications.' },
  { name: 'idempotency_keys', defaultDays: 1, minDays: 0, description: 'Idempotency keys, counted from their expiry.' },
  { name: 'oauth_codes', defaultDays: 1, minDays: 0, description: 'OAuth authorization codes, counted from their expiry.' },
  { name: 'oauth_tokens', defaultDays: 30, minDays: 1, description: 'OAuth tokens, counted from their revocation or their expiry (a refresh token’s, when it has one).' },
  { name: 'one_time_tokens', defaultDays: 1, minDays: 0, description: 'Sign-in links, password resets, pending sign-ups, email verifications, integration and SAML states, counted from their expiry.' },
  { name: 'sessions', defaultDays: 30, minDays: 1, description: 'Sessions, counted from their sign-out or expiry (the account page lists the live ones).' },
  { name: 'sign_in_records', defaultDays: 30, minDays: 1, description: 'Failed sign-ins and password reset requests, with their email and IP (throttling looks back hours).' },
  { name: 'integration_logs', defaultDays: 90, minDays: 7, description: "Integrations' log entries and the Slack and Teams messages they sent." },
  { name: 'stripe_events', defaultDays: 90, minDays: 7, description: "Stripe's webhook events, counted from when they were processed (Stripe retries for 3 days)." },
  { name: 'data_exports', defaultDays: 0, minDays: 0, description: 'Personal data exports (ZIP files), counted from their expiry 7 days after they were made.' },
] as const satisfies readonly RetentionWindow[];

export type RetentionName = (typeof RETENTION_WINDOWS)[number]['name'];
export type RetentionWindows = Record<RetentionName, number>;

/** Parses RETENTION_DAYS ("name=days,…"); the problems name unknown kinds and windows below a floor. */
export function parseRetentionDays(value: string | undefined): { windows: RetentionWindows; problems: string[] } {
  const windows = Object.fromEntries(RETENTION_WINDOWS.map((w) => [w.name, w.defaultDays])) as RetentionWindows;
  const problems: string[] = [];
  for (const part of (value ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([a-z_]+)\s*=\s*(\d{1,5})$/.exec(part);
    const window = match ? RETENTION_WINDOWS.find((w) => w.name === match[1]) : undefined;
    if (!match || !window) {
      problems.push(`"${part}" is not name=days with one of: ${RETENTION_WINDOWS.map((w) => w.name).join(', ')}`);
      continue;
    }
    const days = Number(match[2]);
    if (days < window.minDays) problems.push(`${window.name} keeps at least ${window.minDays} days (asked: ${days})`);
    else windows[window.name] = days;
  }
  return { windows, problems };
}
