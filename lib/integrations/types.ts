import type { z } from 'zod';
import type { IntegrationConnection, SyncFrequency } from '../db/generated/client.ts';
import type { DomainEventType } from '../events/domain-events.ts';

// The contract every first-party integration (one folder under lib/integrations) fulfils.
// A folder exports an IntegrationModule from index.ts; registry.ts lists them. The framework
// (OAuth flow, token storage and refresh, sync jobs, status, the marketplace listing and the
// integration's page) works from this contract alone.

export type IntegrationId = 'google-calendar' | 'outlook-calendar' | 'slack' | 'microsoft-teams' | 'calendar-feed';

/** Who connects an account at the provider: each member (calendars), an admin for the workspace (Slack), or nobody. */
export type ConnectionLevel = 'user' | 'workspace' | 'none';

export interface IntegrationManifest {
  id: IntegrationId;
  name: string;
  /** One line for marketplace cards. */
  tagline: string;
  /** Paragraphs for the listing page (plain text, one string per paragraph). */
  description: string[];
  /** A marketplace category id (lib/marketplace/categories.ts). */
  category: 'calendar' | 'communication';
  connects: ConnectionLevel;
  /** OAuth scopes asked of the provider, as the provider spells them. */
  providerScopes: string[];
  /** Domain events it reacts to. */
  events: DomainEventType[];
  /** What a member or admin sets on it, for the listing and docs. */
  settings: { key: string; label: string; description: string }[];
  /** Sync frequencies offered (calendars); absent for notification-only integrations. */
  syncFrequencies?: SyncFrequency[];
  /** Environment variables it needs; all `required` ones set = configured on this installation. */
  env: { name: string; description: string; required: boolean }[];
  /** Path of the OAuth redirect URI on the platform's root domain, e.g. /api/integrations/google-calendar/callback. */
  redirectPath?: string;
  /** Steps shown when it is not configured (and in the README). */
  setupSteps: string[];
}

/** Tokens from a code exchange or a refresh. */
export interface ProviderTokens {
  accessToken: string;
  /** Absent on refresh when the provider keeps the old one. */
  refreshToken?: string | null;
  expiresAt?: Date | null;
  scopes?: string[];
}

/** A code exchange also says whose account it is. */
export interface ConnectedAccount extends ProviderTokens {
  account: { id: string; name?: string | null };
  /** Provider-specific extras to keep in the connection's settings (Slack: team name, bot user id). */
  settings?: Record<string, unknown>;
}

export interface OAuthAdapter {
  /** Whether the provider takes PKCE (S256); state is always sent. */
  pkce: boolean;
  authorizationUrl(input: { state: string; codeChallenge: string; redirectUri: string; scopes: string[] }): string;
  exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<ConnectedAccount>;
  /** Throws ProviderError with kind 'invalid_grant' when the refresh token no longer works. */
  refresh?(refreshToken: string): Promise<ProviderTokens>;
  /** Revokes the grant at the provider (best effort is the caller's business). */
  revoke(tokens: { accessToken: string | null; refreshToken: string | null }): Promise<void>;
}

/** What a sync job hands the integration: the connection, a fresh access token, and a logger for the integration page. */
export interface SyncContext {
  connection: IntegrationConnection;
  accessToken: () => Promise<string>;
  log: (entry: { level: 'info' | 'warning' | 'error'; kind: 'sync' | 'conflict'; message: string; detail?: Record<string, unknown> }) => Promise<void>;
  reason: SyncReason;
  now: Date;
}

export type SyncReason = 'connected' | 'manual' | 'change' | 'scheduled' | 'push' | 'retry' | 'settings';

/** What a sync did, kept as lastSyncSummary and shown on the integration page. */
export interface SyncSummary {
  pushed: number;
  pulled: number;
  deleted: number;
  conflicts: number;
  /** The incremental cursor to store (a sync token, a delta link); undefined = keep the current one. */
  cursor?: string | null;
}

/** A domain event as consumers see it. */
export interface DispatchedEvent {
  id: string;
  tenantId: string;
  type: DomainEventType;
  payload: Record<string, unknown>;
  actorId: string | null;
  createdAt: Date;
}

export interface IntegrationModule {
  manifest: IntegrationManifest;
  oauth?: OAuthAdapter;
  /** zod schema of a connection's settings (calendar id, goal selection…); parsed on save. */
  connectionSettings?: z.ZodType;
  /** Runs one sync of a connection (calendars). Throw ProviderError for provider failures. */
  sync?(context: SyncContext): Promise<SyncSummary>;
  /** Reacts to a domain event of an installed workspace (enqueue syncs, send notifications). Must be idempotent. */
  onEvent?(event: DispatchedEvent, installationId: string): Promise<void>;
  /** Before a connection is deleted: stop push channels and the like (tokens are revoked by the framework). */
  onDisconnect?(connection: IntegrationConnection, accessToken: string | null): Promise<void>;
}
