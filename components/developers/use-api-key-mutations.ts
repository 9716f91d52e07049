'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiKeyView } from '@/lib/api-keys/api-key-schema';
import { apiKeysQueryKey, deleteApiKey, postApiKey, postRotation, type NewApiKeyInput } from './api-key-requests';

// Changes to the cached key list. Create and rotate wait for the server (their answer holds
// the secret to show); revoke is optimistic, since a revoked row is all the server will say.

function useReplaceKey() {
  const client = useQueryClient();
  return (key: ApiKeyView) => client.setQueryData<ApiKeyView[]>(apiKeysQueryKey, (rows) => rows?.map((row) => (row.id === key.id ? key : row)));
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewApiKeyInput) => postApiKey(input),
    onSuccess: ({ key }) => client.setQueryData<ApiKeyView[]>(apiKeysQueryKey, (rows) => [key, ...(rows ?? [])]),
  });
}

export function useRotateApiKey() {
  const replace = useReplaceKey();
  return useMutation({
    mutationFn: ({ keyId, graceHours }: { keyId: string; graceHours: number }) => postRotation(keyId, graceHours),
    onSuccess: ({ key }) => replace(key),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  const replace = useReplaceKey();
  return useMutation({
    mutationFn: (keyId: string) => deleteApiKey(keyId),
    onMutate: async (keyId) => {
      await client.cancelQueries({ queryKey: apiKeysQueryKey });
      const previous = client.getQueryData<ApiKeyView[]>(apiKeysQueryKey);
      client.setQueryData<ApiKeyView[]>(apiKeysQueryKey, (rows) => rows?.map((row) => (row.id === keyId ? { ...row, status: 'revoked', previousSecretValidUntil: null } : row)));
      return { previous };
    },
    onError: (_error, _keyId, context) => client.setQueryData(apiKeysQueryKey, context?.previous),
    onSuccess: replace,
    onSettled: () => client.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}
