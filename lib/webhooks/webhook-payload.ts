// What a receiver gets: the Standard Webhooks body of one domain event. `id` is the event's
// id, also sent as webhook-id, so receivers de-duplicate retries and replays on it.

export const WEBHOOK_API_VERSION = 'v1';

export interface WebhookPayload {
  id: string;
  type: string;
  created_at: string;
  tenant_id: string;
  data: unknown;
  api_version: typeof WEBHOOK_API_VERSION;
}

export function webhookPayload(event: { id: string; type: string; occurredAt: Date; tenantId: string; payload: unknown }): WebhookPayload {
  return { id: event.id, type: event.type, created_at: event.occurredAt.toISOString(), tenant_id: event.tenantId, data: event.payload, api_version: WEBHOOK_API_VERSION };
}

/**
 * The body, with the envelope's keys in their documented order: the stored payload is jsonb,
 * which keeps its own key order.
 */
export function serializePayload(payload: WebhookPayload): string {
  const { id, type, created_at, tenant_id, data, api_version } = payload;
  return JSON.stringify({ id, type, created_at, tenant_id, data, api_version });
}
