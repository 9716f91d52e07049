import type { WebhookDeliveryStatus } from '../db/generated/client.ts';

/** One event to one endpoint, as the delivery log shows it. */
export interface DeliveryView {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  /** The receiver's first 4 KB, untrusted text: render it escaped (React does), never as HTML. */
  lastResponseBody: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One attempt of a delivery, as it happened. */
export interface AttemptView {
  attempt: number;
  /** A replay or a test event rather than the delivery's own schedule. */
  manual: boolean;
  /** null when no answer arrived. */
  statusCode: number | null;
  durationMs: number;
  /** The receiver's first 4 KB, untrusted text: render it escaped, never as HTML. */
  responseBody: string | null;
  error: string | null;
  startedAt: string;
  finishedAt: string;
}

/** A delivery with the exact JSON body that is signed and sent, and its attempts, newest first. */
export interface DeliveryDetail extends DeliveryView {
  payload: unknown;
  attemptLog: AttemptView[];
}

export interface DeliveryPage {
  data: DeliveryView[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}
