import { randomBytes } from 'node:crypto';
import { tenantOrigin } from '../config/env.ts';
import { decryptSecret, encryptSecret } from '../crypto/encrypt-secret.ts';
import { db, type Prisma } from '../db/client.ts';
import type { IntegrationConnection } from '../db/generated/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { emailLocaleFor } from '../email/email-language.ts';
import { queueEmail } from '../email/send-email.ts';
import { notificationEmail } from '../email/templates/notification-email.ts';
import { AppError } from '../http/problem.ts';
import { translatorFor } from '../i18n/translator.ts';
import { logger } from '../observability/logger.ts';
import { getTenantById } from '../tenancy/tenant-cache.ts';
import { logIntegration } from './log.ts';
import { ProviderError } from './provider-error.ts';
import { integrationFor } from './registry.ts';
import type { ConnectedAccount, IntegrationId, ProviderTokens } from './types.ts';

// OAuth connections to providers: tokens encrypted at rest, refreshed before they expire (on
// use and by the integrations.refresh_tokens job), and marked "needs attention" with the
// reason, and their owner emailed once, when the provider no longer accepts the grant.

/** Refresh a token this long before it expires, so a sync never starts with one about to lapse. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** Transient refresh failures in a row before a connection needs attention anyway. */
const MAX_TRANSIENT_FAILURES = 5;

export const newConnectionId = () => `con_${randomBytes(12).toString('base64url')}`;

export interface SaveConnectionInput {
  tenantId: string;
  installationId: string;
  provider: IntegrationId;
  /** The member it belongs to; null for a workspace connection. */
  userId: string | null;
  connected: ConnectedAccount;
}

/**
 * Stores a new connection, or replaces the tokens of the member's (or workspace's) existing one
 * (a reconnect): it becomes active again, keeping its settings. Reconnecting to another account
 * starts the sync afresh (its event links and cursor belonged to the old account).
 */
export async function saveConnection({ tenantId, installationId, provider, userId, connected }: SaveConnectionInput): Promise<IntegrationConnection> {
  const tokens = {
    scopes: connected.scopes ?? [],
    accessTokenEncrypted: encryptSecret(connected.accessToken),
    refreshTokenEncrypted: connected.refreshToken ? encryptSecret(connected.refreshToken) : null,
    accessTokenExpiresAt: connected.expiresAt ?? null,
    status: 'active' as const,
    statusReason: null,
    consecutiveFailures: 0,
    attentionEmailedAt: null,
    externalAccountName: connected.account.name ?? null,
  };
  return db.$transaction(async (tx) => {
    const existing = await tx.integrationConnection.findFirst({ where: { tenantId, installationId, userId } });
    if (!existing) {
      return tx.integrationConnection.create({
        data: { id: newConnectionId(), tenantId, installationId, provider, userId, externalAccountId: connected.account.id, settings: (connected.settings ?? {}) as Prisma.InputJsonObject, ...tokens },
      });
    }
    const sameAccount = existing.externalAccountId === connected.account.id;
    if (!sameAccount) await tx.calendarEventLink.deleteMany({ where: { connectionId: existing.id } });
    return tx.integrationConnection.update({
      where: { id: existing.id },
      data: {
        ...tokens,
        externalAccountId: connected.account.id,
        settings: { ...((existing.settings as Prisma.InputJsonObject | null) ?? {}), ...((connected.settings ?? {}) as Prisma.InputJsonObject) },
        ...(sameAccount ? {} : { syncCursor: null, lastSyncAt: null, lastSyncResult: null, lastSyncError: null, lastSyncSummary: undefined }),
      },
    });
  });
}

/** The member's own connection (userId) or the workspace's (null) to an integration, if any. */
export function connectionFor(tenantId: string, provider: IntegrationId, userId: string | null): Promise<IntegrationConnection | null> {
  return db.integrationConnection.findFirst({ where: { tenantId, provider, userId, installation: { uninstalledAt: null } } });
}

export async function requireConnection(tenantId: string, provider: IntegrationId, userId: string | null): Promise<IntegrationConnection> {
  const connection = await connectionFor(tenantId, provider, userId);
  if (!connection) throw new AppError(409, 'integration_not_connected', 'Connect your account first.');
  return connection;
}

function decrypt(value: string | null): string | null {
  return value ? decryptSecret(value) : null;
}

/**
 * A usable access token for the connection: the stored one, or a refreshed one when it expires
 * within five minutes. Throws ProviderError (needsAttention) when the grant is gone; the
 * connection is marked first.
 */
export async function accessTokenFor(connection: Pick<IntegrationConnection, 'id'>, now = new Date()): Promise<string> {
  const current = await db.integrationConnection.findUniqueOrThrow({ where: { id: connection.id } });
  if (current.status === 'needs_attention') throw new ProviderError('auth', current.statusReason ?? 'The connection needs attention: reconnect it.');
  if (!current.accessTokenEncrypted) throw new ProviderError('auth', 'The connection has no access token: reconnect it.');
  if (!expiresSoon(current, now)) return decryptSecret(current.accessTokenEncrypted);
  return refreshConnection(current.id, now);
}

function expiresSoon(connection: Pick<IntegrationConnection, 'accessTokenExpiresAt'>, now: Date): boolean {
  return connection.accessTokenExpiresAt !== null && connection.accessTokenExpiresAt.getTime() - now.getTime() < REFRESH_MARGIN_MS;
}

/**
 * Refreshes the connection's access token under a row lock, so two syncs (or a sync and the
 * refresh job) never both spend a refresh token; the second finds the fresh one. Returns it.
 */
export async function refreshConnection(connectionId: string, now = new Date()): Promise<string> {
  try {
    return await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "IntegrationConnection" WHERE id = ${connectionId} FOR UPDATE`;
        const row = await tx.integrationConnection.findUniqueOrThrow({ where: { id: connectionId } });
        if (row.accessTokenEncrypted && !expiresSoon(row, now)) return decryptSecret(row.accessTokenEncrypted);
        const integration = integrationFor(row.provider);
        const refreshToken = decrypt(row.refreshTokenEncrypted);
        if (!integration.oauth?.refresh || !refreshToken) throw new ProviderError('invalid_grant', 'The access token expired and the provider gave no refresh token: reconnect.');
        const tokens: ProviderTokens = await integration.oauth.refresh(refreshToken);
        await tx.integrationConnection.update({
          where: { id: connectionId },
          data: {
            accessTokenEncrypted: encryptSecret(tokens.accessToken),
            ...(tokens.refreshToken ? { refreshTokenEncrypted: encryptSecret(tokens.refreshToken) } : {}),
            accessTokenExpiresAt: tokens.expiresAt ?? null,
            ...(tokens.scopes?.length ? { scopes: tokens.scopes } : {}),
            consecutiveFailures: 0,
          },
        });
        return tokens.accessToken;
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof ProviderError) await recordProviderFailure(connectionId, error, 'refresh');
    throw error;
  }
}

/**
 * Counts a provider failure against the connection: a refused grant needs attention at once;
 * transient ones only after several in a row (the provider may be down for an hour).
 */
export async function recordProviderFailure(connectionId: string, error: ProviderError, kind: 'refresh' | 'sync'): Promise<void> {
  const row = await db.integrationConnection.update({ where: { id: connectionId }, data: { consecutiveFailures: { increment: 1 } } }).catch(() => null);
  if (!row) return;
  if (error.needsAttention) {
    await markNeedsAttention(connectionId, attentionReason(error));
  } else if (row.consecutiveFailures >= MAX_TRANSIENT_FAILURES && kind === 'refresh') {
    await markNeedsAttention(connectionId, `The provider failed ${row.consecutiveFailures} times in a row: ${error.message}`);
  }
}

function attentionReason(error: ProviderError): string {
  if (error.kind === 'invalid_grant') return 'The provider no longer accepts this connection (access was revoked, or the refresh token expired). Reconnect to resume.';
  return `The provider refused our credentials: ${error.message}. Reconnect to resume.`;
}

export async function recordProviderSuccess(connectionId: string): Promise<void> {
  await db.integrationConnection.updateMany({ where: { id: connectionId, consecutiveFailures: { gt: 0 } }, data: { consecutiveFailures: 0 } });
}

/**
 * Marks the connection "needs attention" with the reason and, once per episode, emails its
 * owner (the member, or for a workspace connection whoever installed the integration).
 */
export async function markNeedsAttention(connectionId: string, reason: string, now = new Date()): Promise<void> {
  const { count } = await db.integrationConnection.updateMany({
    where: { id: connectionId, attentionEmailedAt: null },
    data: { status: 'needs_attention', statusReason: reason, attentionEmailedAt: now },
  });
  if (count === 0) {
    // Already in the episode (emailed): keep the newest reason.
    await db.integrationConnection.updateMany({ where: { id: connectionId }, data: { status: 'needs_attention', statusReason: reason } });
    return;
  }
  const connection = await db.integrationConnection.findUnique({ where: { id: connectionId }, include: { installation: true } });
  if (!connection) return;
  const integration = integrationFor(connection.provider);
  await logIntegration({ tenantId: connection.tenantId, installationId: connection.installationId, connectionId, level: 'error', kind: 'needs_attention', message: reason });
  const ownerId = connection.userId ?? connection.installation.installedById;
  const [owner, tenant, membership] = await Promise.all([
    ownerId ? db.user.findUnique({ where: { id: ownerId }, select: { email: true } }) : null,
    getTenantById(connection.tenantId),
    ownerId ? tenantDb(connection.tenantId).membership.findUnique({ where: { tenantId_userId: { tenantId: connection.tenantId, userId: ownerId } }, select: { locale: true } }) : null,
  ]);
  if (!owner || !tenant) return;
  const name = integration.manifest.name;
  // In the owner's language; the reason is the provider's (as stored and shown on the page).
  const { language } = emailLocaleFor(tenant, membership);
  const t = await translatorFor(language, tenant.branding);
  const values = { integration: name, workspace: tenant.name };
  await queueEmail({
    tenant,
    to: owner.email,
    kind: 'integration_needs_attention',
    ...notificationEmail({
      tenant,
      subject: t('email.integrationAttention.subject', values),
      heading: t('email.integrationAttention.heading', values),
      paragraphs: [reason, t('email.integrationAttention.body', values)],
      action: { label: t('email.integrationAttention.action', values), url: `${tenantOrigin(tenant.slug)}/integrations/${integration.manifest.id}` },
      language,
    }),
  }).catch((error: unknown) => logger().error({ err: error, connectionId }, 'integrations: could not queue the needs-attention email'));
}

/** The refresh job: every active connection whose token expires within the margin (plus one poll period). */
export async function refreshDueConnections(now = new Date()): Promise<{ refreshed: number; failed: number }> {
  const due = await db.integrationConnection.findMany({
    where: { status: 'active', refreshTokenEncrypted: { not: null }, accessTokenExpiresAt: { lt: new Date(now.getTime() + REFRESH_MARGIN_MS + 5 * 60_000) }, installation: { uninstalledAt: null } },
    select: { id: true },
    take: 500,
  });
  let refreshed = 0;
  let failed = 0;
  for (const { id } of due) {
    try {
      // Refresh as if five minutes later, so a token the next run would find expiring is renewed now.
      await refreshConnection(id, new Date(now.getTime() + 5 * 60_000));
      refreshed += 1;
    } catch (error) {
      failed += 1;
      logger().warn({ err: error, connectionId: id }, 'integrations: token refresh failed');
    }
  }
  return { refreshed, failed };
}

/**
 * Ends a connection: the integration stops its push channels, the grant is revoked at the
 * provider (best effort: our copy of the tokens is deleted either way), and the row goes with
 * its event links. Returns whether the provider confirmed the revocation.
 */
export async function deleteConnection(connection: IntegrationConnection): Promise<{ revoked: boolean }> {
  const integration = integrationFor(connection.provider);
  let accessToken: string | null = null;
  let refreshToken: string | null = null;
  try {
    accessToken = decrypt(connection.accessTokenEncrypted);
    refreshToken = decrypt(connection.refreshTokenEncrypted);
  } catch (error) {
    logger().warn({ err: error, connectionId: connection.id }, 'integrations: stored tokens could not be decrypted; deleting them');
  }
  let revoked = false;
  try {
    await integration.onDisconnect?.(connection, accessToken);
  } catch (error) {
    logger().warn({ err: error, connectionId: connection.id }, 'integrations: cleanup at the provider failed on disconnect');
  }
  if (integration.oauth && (accessToken || refreshToken)) {
    try {
      await integration.oauth.revoke({ accessToken, refreshToken });
      revoked = true;
    } catch (error) {
      logger().warn({ err: error, connectionId: connection.id }, 'integrations: revocation at the provider failed; the tokens are deleted here anyway');
    }
  }
  await db.integrationConnection.deleteMany({ where: { id: connection.id } });
  return { revoked };
}
