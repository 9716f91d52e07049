import type { WebhookDeliveryStatus } from '@/lib/db/generated/enums';
import { api } from '@/lib/http/api-client';
import type { DeliveryDetail, DeliveryPage, DeliveryView } from '@/lib/webhooks/delivery-view';
import type { EndpointView } from '@/lib/webhooks/endpoint-schema';

// The browser's calls to the webhook routes (app/api/app/webhooks). A create or a rotate
// answers with the signing secret, the only time it ever leaves the server.

export type StatusFilter = WebhookDeliveryStatus | 'all';

export const webhookKeys = {
  all: ['webhooks'] as const,
  list: ['webhooks', 'list'] as const,
  endpoint: (endpointId: string) => ['webhooks', 'endpoint', endpointId] as const,
  deliveries: (endpointId: string) => ['webhooks', 'deliveries', endpointId] as const,
  deliveryPages: (endpointId: string, status: StatusFilter) => ['webhooks', 'deliveries', endpointId, status] as const,
  delivery: (deliveryId: string) => ['webhooks', 'delivery', deliveryId] as const,
};

export interface EndpointInput {
  url: string;
  description: string | null;
  /** Empty: every event type. */
  eventTypes: string[];
  /** Left out: enabled when adding, unchanged when editing. */
  enabled?: boolean;
  headers: Record<string, string>;
}

export interface EndpointWithSecret {
  endpoint: EndpointView;
  secret: string;
}

const base = '/api/app/webhooks';
const path = (...parts: string[]) => [base, ...parts.map(encodeURIComponent)].join('/');

export const fetchEndpoints = async () => (await api<{ endpoints: EndpointView[] }>(base)).endpoints;
export const fetchEndpoint = async (endpointId: string) => (await api<{ endpoint: EndpointView }>(path(endpointId))).endpoint;
export const postEndpoint = (input: EndpointInput) => api<EndpointWithSecret>(base, { method: 'POST', json: input });
export const patchEndpoint = async (endpointId: string, input: Partial<EndpointInput>) => (await api<{ endpoint: EndpointView }>(path(endpointId), { method: 'PATCH', json: input })).endpoint;
export const deleteEndpoint = (endpointId: string) => api<void>(path(endpointId), { method: 'DELETE' });
export const postRotation = (endpointId: string, graceHours: number) => api<EndpointWithSecret>(path(endpointId, 'rotate-secret'), { method: 'POST', json: { graceHours } });

export function fetchDeliveries(endpointId: string, status: StatusFilter, cursor: string | null): Promise<DeliveryPage> {
  const query = new URLSearchParams({ limit: '20' });
  if (status !== 'all') query.set('status', status);
  if (cursor) query.set('cursor', cursor);
  return api<DeliveryPage>(`${path(endpointId, 'deliveries')}?${query}`);
}

export const fetchDelivery = async (deliveryId: string) => (await api<{ delivery: DeliveryDetail }>(path('deliveries', deliveryId))).delivery;
export const postReplay = async (deliveryId: string) => (await api<{ delivery: DeliveryView }>(path('deliveries', deliveryId, 'replay'), { method: 'POST' })).delivery;
export const postReplaySince = (endpointId: string, since: string) => api<{ replayed: number }>(path(endpointId, 'replay'), { method: 'POST', json: { since } });
export const postTestEvent = async (endpointId: string, eventType: string | undefined) =>
  (await api<{ delivery: DeliveryView }>(path(endpointId, 'test'), { method: 'POST', json: eventType ? { eventType } : {} })).delivery;
