import { api } from '@/lib/http/api-client';
import type { OAuthAppView } from '@/lib/oauth/app-schema';
import type { AuthorizedAppView } from '@/lib/oauth/grants';

// The browser's calls to the OAuth app routes (app/api/app/oauth-apps, app/api/app/authorized-apps).
// A create (confidential apps) or a rotate answers with the client secret, the only time it
// ever leaves the server.

export const oauthKeys = {
  apps: ['oauth-apps', 'list'] as const,
  app: (appId: string) => ['oauth-apps', 'app', appId] as const,
  grants: ['authorized-apps', 'list'] as const,
};

export type ClientType = 'public' | 'confidential';

export interface OAuthAppInput {
  name: string;
  /** Left out when empty on create; null clears it on edit. */
  description?: string | null;
  logoUrl?: string | null;
  homepageUrl?: string | null;
  redirectUris: string[];
  clientType: ClientType;
  allowedScopes: string[];
}

/** What an edit may change: the client type is fixed once the app exists. */
export type OAuthAppUpdate = Partial<Omit<OAuthAppInput, 'clientType'>>;

export interface AppWithSecret {
  app: OAuthAppView;
  /** null for a public app: it has none. */
  clientSecret: string | null;
}

const base = '/api/app/oauth-apps';
const path = (...parts: string[]) => [base, ...parts.map(encodeURIComponent)].join('/');

export const fetchApps = async () => (await api<{ apps: OAuthAppView[] }>(base)).apps;
export const fetchApp = async (appId: string) => (await api<{ app: OAuthAppView }>(path(appId))).app;
export const postApp = (input: OAuthAppInput) => api<AppWithSecret>(base, { method: 'POST', json: input });
export const patchApp = async (appId: string, input: OAuthAppUpdate) => (await api<{ app: OAuthAppView }>(path(appId), { method: 'PATCH', json: input })).app;
export const deleteApp = (appId: string) => api<void>(path(appId), { method: 'DELETE' });
export const postSecretRotation = (appId: string) => api<{ app: OAuthAppView; clientSecret: string }>(path(appId, 'rotate-secret'), { method: 'POST' });

export const fetchGrants = async () => (await api<{ grants: AuthorizedAppView[] }>('/api/app/authorized-apps')).grants;
export const deleteGrant = (grantId: string) => api<void>(`/api/app/authorized-apps/${encodeURIComponent(grantId)}`, { method: 'DELETE' });
