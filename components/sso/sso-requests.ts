import { api } from '@/lib/http/api-client';

// The SSO settings page's calls to /api/app/sso/*; the shapes mirror lib/sso's views.

export interface SsoDomainRow {
  id: string;
  domain: string;
  verifiedAt: string | null;
  connectionId: string | null;
  requireSso: boolean;
  record: { type: 'TXT'; name: string; value: string };
}

/** The verify route's answer: verified, or why not (no record, another value, lookup failed). */
export type DomainCheck = { verified: true } | { verified: false; reason: 'not_found' | 'mismatch' | 'lookup_failed'; message: string; found?: string[] };

export interface SsoConnectionRow {
  id: string;
  name: string;
  idpEntityId: string | null;
  idpSsoUrl: string | null;
  provider: string | null;
  certificateValidTo: string | null;
  /** The connection's own ACS URL and SP metadata. */
  acsUrl: string;
  metadataUrl: string;
  /** Sign-in from the IdP's dashboard is accepted. */
  idpInitiated: boolean;
  domains: string[];
  createdAt: string;
}

export type MappableRole = 'admin' | 'member' | 'viewer';

export interface SsoConfigValues {
  roleAttribute: string;
  roleMapping: { value: string; role: MappableRole }[];
  defaultRole: string;
}

export const SSO_KEYS = { all: ['sso'], domains: ['sso', 'domains'], connections: ['sso', 'connections'] } as const;

export const ssoApi = {
  domains: () => api<{ domains: SsoDomainRow[] }>('/api/app/sso/domains').then((r) => r.domains),
  addDomain: (domain: string) => api<SsoDomainRow>('/api/app/sso/domains', { method: 'POST', json: { domain } }),
  verifyDomain: (id: string) => api<DomainCheck>(`/api/app/sso/domains/${id}/verify`, { method: 'POST' }),
  updateDomain: ({ id, ...changes }: { id: string; connectionId?: string | null; requireSso?: boolean }) => api<SsoDomainRow>(`/api/app/sso/domains/${id}`, { method: 'PATCH', json: changes }),
  removeDomain: (id: string) => api(`/api/app/sso/domains/${id}`, { method: 'DELETE' }),
  connections: () => api<{ connections: SsoConnectionRow[] }>('/api/app/sso/connections').then((r) => r.connections),
  addConnection: (input: { name: string; metadataXml?: string; metadataUrl?: string }) => api<SsoConnectionRow>('/api/app/sso/connections', { method: 'POST', json: input }),
  removeConnection: (id: string) => api(`/api/app/sso/connections/${id}`, { method: 'DELETE' }),
  updateConnection: (id: string, input: { idpInitiated: boolean }) => api<SsoConnectionRow>(`/api/app/sso/connections/${id}`, { method: 'PATCH', json: input }),
  saveConfig: (values: SsoConfigValues) => api<SsoConfigValues>('/api/app/sso/config', { method: 'PUT', json: values }),
};
