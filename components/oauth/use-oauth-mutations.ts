'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OAuthAppView } from '@/lib/oauth/app-schema';
import type { AuthorizedAppView } from '@/lib/oauth/grants';
import { deleteApp, deleteGrant, oauthKeys, patchApp, postApp, postSecretRotation, type OAuthAppInput, type OAuthAppUpdate } from './oauth-app-requests';

// Changes to the cached OAuth apps and authorizations. Everything waits for the server: a
// create or rotate answers with the secret to show, and the rest are rare admin actions whose
// outcome (a refused redirect URI, say) should be seen as it is.

function useStoreApp() {
  const client = useQueryClient();
  return (app: OAuthAppView) => {
    client.setQueryData(oauthKeys.app(app.id), app);
    client.setQueryData<OAuthAppView[]>(oauthKeys.apps, (rows) => rows?.map((row) => (row.id === app.id ? app : row)));
  };
}

export function useCreateApp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OAuthAppInput) => postApp(input),
    // The list is newest first, as the server sends it.
    onSuccess: ({ app }) => client.setQueryData<OAuthAppView[]>(oauthKeys.apps, (rows) => [app, ...(rows ?? [])]),
  });
}

export function useUpdateApp(appId: string) {
  const store = useStoreApp();
  return useMutation({ mutationFn: (input: OAuthAppUpdate) => patchApp(appId, input), onSuccess: store });
}

export function useRotateClientSecret(appId: string) {
  const store = useStoreApp();
  return useMutation({ mutationFn: () => postSecretRotation(appId), onSuccess: ({ app }) => store(app) });
}

export function useDeleteApp(appId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => deleteApp(appId),
    onSuccess: () => {
      client.setQueryData<OAuthAppView[]>(oauthKeys.apps, (rows) => rows?.filter((row) => row.id !== appId));
      client.removeQueries({ queryKey: oauthKeys.app(appId) });
    },
  });
}

export function useRevokeGrant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (grantId: string) => deleteGrant(grantId),
    onSuccess: (_data, grantId) => client.setQueryData<AuthorizedAppView[]>(oauthKeys.grants, (rows) => rows?.filter((row) => row.grantId !== grantId)),
  });
}
