// What the status card shows of a connection, as JSON (the page renders it first, then the card
// polls GET /api/app/integrations/<id>/connection while a sync is under way).

export interface ConnectionStatusView {
  id: string;
  /** The account at the provider: an email, a Slack team's name. */
  account: string;
  status: 'active' | 'needs_attention';
  statusReason: string | null;
  syncFrequency: 'realtime' | 'hourly' | 'daily';
  connectedAt: string;
  lastSyncAt: string | null;
  lastSyncResult: string | null;
  lastSyncError: string | null;
  lastSyncSummary: { pushed: number; pulled: number; deleted: number; conflicts: number } | null;
  /** A sync is running or asked for. */
  syncing: boolean;
  /** Whose it is: null for the workspace's (Slack). */
  userId: string | null;
}

interface ConnectionRow {
  id: string;
  userId: string | null;
  externalAccountId: string;
  externalAccountName: string | null;
  status: 'active' | 'needs_attention';
  statusReason: string | null;
  syncFrequency: 'realtime' | 'hourly' | 'daily';
  createdAt: Date;
  lastSyncAt: Date | null;
  lastSyncResult: string | null;
  lastSyncError: string | null;
  lastSyncSummary: unknown;
  syncLeaseUntil: Date | null;
  syncRequestedAt: Date | null;
  lastSyncStartedAt: Date | null;
}

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

export function connectionStatusView(row: ConnectionRow, now = new Date()): ConnectionStatusView {
  const summary = row.lastSyncSummary && typeof row.lastSyncSummary === 'object' ? (row.lastSyncSummary as Record<string, unknown>) : null;
  const leased = row.syncLeaseUntil !== null && row.syncLeaseUntil > now;
  // Asked for after the last one finished (or never synced yet): the job has not run.
  const pending = row.syncRequestedAt !== null && (row.lastSyncAt === null || row.syncRequestedAt > row.lastSyncAt);
  const started = row.lastSyncStartedAt !== null && (row.lastSyncAt === null || row.lastSyncStartedAt > row.lastSyncAt) && now.getTime() - row.lastSyncStartedAt.getTime() < 10 * 60_000;
  return {
    id: row.id,
    account: row.externalAccountName ?? row.externalAccountId,
    status: row.status,
    statusReason: row.statusReason,
    syncFrequency: row.syncFrequency,
    connectedAt: row.createdAt.toISOString(),
    lastSyncAt: row.lastSyncAt?.toISOString() ?? null,
    lastSyncResult: row.lastSyncResult,
    lastSyncError: row.lastSyncError,
    lastSyncSummary: summary ? { pushed: count(summary.pushed), pulled: count(summary.pulled), deleted: count(summary.deleted), conflicts: count(summary.conflicts) } : null,
    syncing: leased || pending || started,
    userId: row.userId,
  };
}
