// The emails a member may turn off, per workspace (Account › Notifications). Each optional
// topic names the senders that honour it; its words are in the catalog
// (messages/<language>/account.json: emailPreferences.topics), as is the list of the emails
// everyone gets (notifications.always*). Client-safe.

export type NotificationTopic = 'webhook_alerts' | 'billing_reminders';

export interface TopicInfo {
  /** Who can get these at all: the page offers a topic only to those roles. */
  roles: readonly ('owner' | 'admin' | 'member' | 'viewer')[];
}

export const NOTIFICATION_TOPICS: Record<NotificationTopic, TopicInfo> = {
  // Sent by lib/webhooks/endpoint-health.ts.
  webhook_alerts: {
    roles: ['owner', 'admin'],
  },
  // Sent by lib/billing/dunning.ts.
  billing_reminders: {
    roles: ['owner'],
  },
};

export const TOPICS = Object.keys(NOTIFICATION_TOPICS) as NotificationTopic[];
