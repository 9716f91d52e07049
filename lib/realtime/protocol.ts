// What the live stream (GET /api/app/live, Server-Sent Events; or its polling fallback) sends
// a browser. Ids and types only, never titles or text: the page refetches what changed through
// the routes that check access. Client-safe.

/** The ids an event is about (from its payload), as the live trigger announces them. */
export interface LiveSubject {
  goalId?: string;
  milestoneId?: string;
  habitId?: string;
  teamId?: string;
  userId?: string;
  commentId?: string;
}

/** A domain event the viewer may see (SSE `id:` is its seq, for Last-Event-ID). */
export interface LiveEventMessage {
  kind: 'event';
  seq: string;
  id: string;
  type: string;
  actorId: string | null;
  subject: LiveSubject;
}

/** The viewer's own notifications changed (a new one, or one read elsewhere): refetch the bell. */
export interface LiveNotificationsMessage {
  kind: 'notifications';
}

/** A webhook delivery of the workspace changed (admins only). */
export interface LiveWebhooksMessage {
  kind: 'webhooks';
  endpointId?: string;
}

/** The stream could not replay everything missed (too far behind): refetch everything shown. */
export interface LiveResetMessage {
  kind: 'reset';
}

export type LiveMessage = LiveEventMessage | LiveNotificationsMessage | LiveWebhooksMessage | LiveResetMessage;
