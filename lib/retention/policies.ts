import { Prisma } from '../db/generated/client.ts';
import type { RetentionName } from './windows.ts';

// The deletes of each retention window (windows.ts): statements that each remove at most
// `batch` rows past the cutoff and answer how many went (`n`).

/**
 * Deletes up to `batch` rows of `table` matching `where` (no sort: any of them will do) and
 * answers `n`, how many went; `then` deletes what hangs on them (it reads their ids from `gone`).
 */
function deleteBatch(table: string, where: Prisma.Sql, batch: number, then?: Prisma.Sql): Prisma.Sql {
  const name = Prisma.raw(`"${table}"`);
  const returning = Prisma.raw(then ? 'id' : '1');
  return Prisma.sql`WITH gone AS (DELETE FROM ${name} WHERE ctid IN (SELECT ctid FROM ${name} WHERE ${where} LIMIT ${batch}) RETURNING ${returning})${then ? Prisma.sql`, also AS (${then})` : Prisma.empty}
    SELECT count(*)::int AS n FROM gone`;
}

const olderThan = (column: string, cutoff: Date) => Prisma.sql`${Prisma.raw(`"${column}"`)} < ${cutoff}`;

export const PURGES: Record<RetentionName, (cutoff: Date, batch: number) => Prisma.Sql[]> = {
  // The daily rollup goes with the log it sums, a day once all of it is past the cutoff.
  api_request_logs: (cutoff, batch) => [
    deleteBatch('ApiRequestLog', olderThan('createdAt', cutoff), batch),
    deleteBatch('ApiUsageDaily', Prisma.sql`"day" < ${cutoff.toISOString().slice(0, 10)}::date`, batch),
  ],
  // Only relayed events: one still in the outbox has yet to reach webhooks and integrations.
  domain_events: (cutoff, batch) => [
    deleteBatch('DomainEvent', Prisma.sql`"publishedAt" IS NOT NULL AND "occurredAt" < ${cutoff}`, batch, Prisma.sql`DELETE FROM "Kudos" WHERE "eventId" IN (SELECT id FROM gone)`),
  ],
  webhook_deliveries: (cutoff, batch) => [deleteBatch('WebhookDelivery', Prisma.sql`status IN ('succeeded', 'failed') AND "updatedAt" < ${cutoff}`, batch)],
  email_messages: (cutoff, batch) => [deleteBatch('EmailMessage', olderThan('createdAt', cutoff), batch)],
  notifications: (cutoff, batch) => [deleteBatch('Notification', olderThan('createdAt', cutoff), batch)],
  idempotency_keys: (cutoff, batch) => [deleteBatch('IdempotencyKey', olderThan('expiresAt', cutoff), batch)],
  oauth_codes: (cutoff, batch) => [deleteBatch('OAuthAuthorizationCode', olderThan('expiresAt', cutoff), batch)],
  // A rotated refresh token stays until it would have expired: presenting it again is how reuse is detected.
  oauth_tokens: (cutoff, batch) => [deleteBatch('OAuthToken', Prisma.sql`("revokedAt" < ${cutoff} OR COALESCE("refreshTokenExpiresAt", "accessTokenExpiresAt") < ${cutoff})`, batch)],
  one_time_tokens: (cutoff, batch) => [
    deleteBatch('LoginToken', olderThan('expiresAt', cutoff), batch),
    deleteBatch('PasswordReset', olderThan('expiresAt', cutoff), batch),
    deleteBatch('PendingSignup', olderThan('expiresAt', cutoff), batch),
    deleteBatch('VerificationToken', olderThan('expires', cutoff), batch),
    deleteBatch('IntegrationOAuthState', olderThan('expiresAt', cutoff), batch),
    deleteBatch('SamlRequest', olderThan('expiresAt', cutoff), batch),
    deleteBatch('SamlAssertionUse', olderThan('expiresAt', cutoff), batch),
  ],
  sessions: (cutoff, batch) => [deleteBatch('UserSession', Prisma.sql`("revokedAt" < ${cutoff} OR "expiresAt" < ${cutoff})`, batch)],
  sign_in_records: (cutoff, batch) => [deleteBatch('LoginFailure', olderThan('createdAt', cutoff), batch), deleteBatch('PasswordResetRequest', olderThan('createdAt', cutoff), batch)],
  integration_logs: (cutoff, batch) => [
    deleteBatch('IntegrationLogEntry', olderThan('createdAt', cutoff), batch),
    deleteBatch('IntegrationMessage', Prisma.sql`status <> 'pending' AND "createdAt" < ${cutoff}`, batch),
  ],
  stripe_events: (cutoff, batch) => [deleteBatch('StripeEvent', olderThan('processedAt', cutoff), batch)],
  data_exports: (cutoff, batch) => [deleteBatch('DataExport', olderThan('expiresAt', cutoff), batch)],
};
