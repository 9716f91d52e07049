import type { ApiKeyView } from '@/lib/api-keys/api-key-schema';
import { api } from '@/lib/http/api-client';

// The browser's calls to the API key routes. A create or a rotate answers with the secret,
// the only time it ever leaves the server.

export const apiKeysQueryKey = ['api-keys'] as const;

export interface NewApiKeyInput {
  name: string;
  scopes: string[];
  tier: string;
  expiresAt: string | null;
  ipAllowlist: string[];
}

export interface KeyWithSecret {
  key: ApiKeyView;
  secret: string;
}

const base = '/api/app/api-keys';
const path = (keyId: string, ...rest: string[]) => [base, ...[keyId, ...rest].map(encodeURIComponent)].join('/');

export const fetchApiKeys = async () => (await api<{ keys: ApiKeyView[] }>(base)).keys;
export const postApiKey = (input: NewApiKeyInput) => api<KeyWithSecret>(base, { method: 'POST', json: input });
export const postRotation = (keyId: string, graceHours: number) => api<KeyWithSecret>(path(keyId, 'rotate'), { method: 'POST', json: { graceHours } });
export const deleteApiKey = async (keyId: string) => (await api<{ key: ApiKeyView }>(path(keyId), { method: 'DELETE' })).key;
