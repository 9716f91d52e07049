// The emails a member may turn off, per workspace (Account › Notifications), and the ones
// they may not. Each optional topic names the senders that honour it. Client-safe.

export type NotificationTopic = 'webhook_alerts' | 'billing_reminders';

export interface TopicInfo {
  label: string;
  description: string;
  /** Who can get these at all: the page offers a topic only to those roles. */
  roles: readonly ('owner' | 'admin' | 'member' | 'viewer')[];
}

export const NOTIFICATION_TOPICS: Record<NotificationTopic, TopicInfo> = {
  // Sent by lib/webhooks/endpoint-health.ts.
  webhook_alerts: {
    label: 'Webhook endpoint disabled',
    description: 'When a webhook endpoint keeps failing and we stop sending it events.',
    roles: ['owner', 'admin'],
  },
  // Sent by lib/billing/dunning.ts.
  billing_reminders: {
    label: 'Payment reminders',
    description: 'Reminders on days 0, 3 and 7 after a payment fails. The notice that the workspace is suspended is always sent, and billing contacts always get the reminders.',
    roles: ['owner'],
  },
};

export const TOPICS = Object.keys(NOTIFICATION_TOPICS) as NotificationTopic[];

/** Emails everyone gets because they are needed to use or secure the account. */
export const ALWAYS_SENT = [
  'Sign-in links and password resets you ask for',
  'Invitations to workspaces and teams',
  'The notice that a workspace is suspended for non-payment (owners)',
];
