'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EndpointView } from '@/lib/webhooks/endpoint-schema';
import { deleteEndpoint, patchEndpoint, postEndpoint, postReplay, postReplaySince, postRotation, postTestEvent, webhookKeys, type EndpointInput } from './webhook-requests';

// Changes to the cached endpoints and delivery logs. Everything waits for the server: a
// create or rotate answers with the secret to show, and the rest are rare admin actions whose
// outcome (a refused URL, a 409 on a pending delivery) should be seen as it is.

function useStoreEndpoint() {
  const client = useQueryClient();
  return (endpoint: EndpointView) => {
    client.setQueryData(webhookKeys.endpoint(endpoint.id), endpoint);
    client.setQueryData<EndpointView[]>(webhookKeys.list, (rows) => rows?.map((row) => (row.id === endpoint.id ? endpoint : row)));
  };
}

export function useCreateEndpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EndpointInput) => postEndpoint(input),
    onSuccess: ({ endpoint }) => client.setQueryData<EndpointView[]>(webhookKeys.list, (rows) => [...(rows ?? []), endpoint]),
  });
}

export function useUpdateEndpoint(endpointId: string) {
  const store = useStoreEndpoint();
  return useMutation({ mutationFn: (input: Partial<EndpointInput>) => patchEndpoint(endpointId, input), onSuccess: store });
}

export function useRotateEndpointSecret(endpointId: string) {
  const store = useStoreEndpoint();
  return useMutation({ mutationFn: (graceHours: number) => postRotation(endpointId, graceHours), onSuccess: ({ endpoint }) => store(endpoint) });
}

export function useDeleteEndpoint(endpointId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => deleteEndpoint(endpointId),
    onSuccess: () => {
      client.setQueryData<EndpointView[]>(webhookKeys.list, (rows) => rows?.filter((row) => row.id !== endpointId));
      client.removeQueries({ queryKey: webhookKeys.endpoint(endpointId) });
      client.removeQueries({ queryKey: webhookKeys.deliveries(endpointId) });
    },
  });
}

/** Test events, replays: each adds or changes deliveries, so the endpoint's log is refetched. */
function useDeliveryAction<I, O>(endpointId: string, action: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: action, onSettled: () => client.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId) }) });
}

export function useSendTestEvent(endpointId: string) {
  return useDeliveryAction(endpointId, (eventType: string | undefined) => postTestEvent(endpointId, eventType));
}

export function useReplayFailedSince(endpointId: string) {
  return useDeliveryAction(endpointId, (since: string) => postReplaySince(endpointId, since));
}

export function useReplayDelivery(endpointId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => postReplay(deliveryId),
    onSettled: (_data, _error, deliveryId) => {
      void client.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId) });
      void client.invalidateQueries({ queryKey: webhookKeys.delivery(deliveryId) });
    },
  });
}

/** A replay refused because the endpoint is disabled, offered again with the endpoint switched back on. */
export function useEnableAndReplay(endpointId: string) {
  const client = useQueryClient();
  const store = useStoreEndpoint();
  return useMutation({
    mutationFn: async (deliveryId: string) => {
      store(await patchEndpoint(endpointId, { enabled: true }));
      return postReplay(deliveryId);
    },
    onSettled: (_data, _error, deliveryId) => {
      void client.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId) });
      void client.invalidateQueries({ queryKey: webhookKeys.delivery(deliveryId) });
    },
  });
}
