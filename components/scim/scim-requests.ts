import { api } from '@/lib/http/api-client';
import type { DirectoryDetail, DirectoryView, DirectoryWithToken, ScimProvider } from '@/lib/scim/directory-schema';

// The browser's calls to the directory routes (app/api/app/scim). A create or a rotate answers
// with the bearer token, the only time it ever leaves the server.

export const scimKeys = {
  list: ['scim', 'directories'] as const,
  detail: (directoryId: string) => ['scim', 'directory', directoryId] as const,
};

const base = '/api/app/scim/directories';
const path = (...parts: string[]) => [base, ...parts.map(encodeURIComponent)].join('/');

export const fetchDirectories = async () => (await api<{ directories: DirectoryView[] }>(base)).directories;
export const fetchDirectory = (directoryId: string) => api<DirectoryDetail>(path(directoryId));
export const postDirectory = (input: { name: string; provider: ScimProvider }) => api<DirectoryWithToken>(base, { method: 'POST', json: input });
export const postRotation = (directoryId: string) => api<DirectoryWithToken>(path(directoryId, 'rotate-token'), { method: 'POST' });
export const deleteDirectory = (directoryId: string) => api<void>(path(directoryId), { method: 'DELETE' });
