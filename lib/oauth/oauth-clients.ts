import type OAuth2Server from '@node-oauth/oauth2-server';
import { db } from '../db/client.ts';
import { secretMatches } from './hash-client-secret.ts';
import { looksLike } from './oauth-credentials.ts';

// The registered apps as the OAuth library sees them (clients), and client authentication.

export interface OAuthAppRecord {
  id: string;
  tenantId: string;
  clientId: string;
  clientType: 'public' | 'confidential';
  secretHash: string | null;
  redirectUris: string[];
  allowedScopes: string[];
  createdById: string | null;
  name: string;
}

export interface OAuthClient extends OAuth2Server.Client {
  id: string;
  grants: string[];
  redirectUris: string[];
  app: OAuthAppRecord;
}

export const appSelect = {
  id: true,
  tenantId: true,
  clientId: true,
  clientType: true,
  secretHash: true,
  redirectUris: true,
  allowedScopes: true,
  createdById: true,
  name: true,
} as const;

export function toClient(app: OAuthAppRecord): OAuthClient {
  const grants = app.clientType === 'confidential' ? ['authorization_code', 'refresh_token', 'client_credentials'] : ['authorization_code', 'refresh_token'];
  return { id: app.clientId, grants, redirectUris: app.redirectUris, app };
}

export async function findApp(clientId: string): Promise<OAuthAppRecord | null> {
  if (!looksLike('clientId', clientId)) return null;
  return db.oAuthApp.findUnique({ where: { clientId }, select: appSelect });
}

/**
 * The client a request authenticates as, or null. Confidential clients must present their
 * secret (compared in constant time); public clients must not present one.
 */
export async function authenticateClient(clientId: string, clientSecret: string | null | undefined): Promise<OAuthClient | null> {
  const app = await findApp(clientId);
  if (!app) return null;
  if (app.clientType === 'confidential' ? !clientSecret || !secretMatches(clientSecret, app.secretHash) : Boolean(clientSecret)) return null;
  return toClient(app);
}
