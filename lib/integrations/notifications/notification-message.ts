import type { IntegrationChannelRoute } from '../../db/generated/client.ts';

// The provider-neutral notification: built once from a domain event (build-notification.ts),
// rendered by each channel's sender (Slack Block Kit, Teams Adaptive Card). Plain strings only:
// each renderer escapes for its own format.

/** What a channel route subscribes to (IntegrationChannelRoute.event). */
export const NOTIFICATION_EVENTS = ['goal_completed', 'team_goal_progress', 'habit_streak', 'team_member_added', 'weekly_digest'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** How the channel mapping forms name each kind (Slack and Teams alike). */
export const NOTIFICATION_EVENT_LABELS: Record<NotificationEvent, string> = {
  goal_completed: 'Team goals completed',
  team_goal_progress: 'Team goals passing 25, 50, 75 and 100%',
  habit_streak: 'Habit streak milestones',
  team_member_added: 'New team members',
  weekly_digest: 'Weekly digest (Mondays 09:00)',
};

export interface NotificationField {
  label: string;
  value: string;
}

/** One line of a list (the weekly digest), optionally linked. */
export interface NotificationItem {
  text: string;
  url?: string | null;
}

export interface NotificationMessage {
  event: NotificationEvent;
  /** The team it is about, for routes limited to one team; null = not about one team. */
  teamId: string | null;
  /** One line, in the workspace's words ("Objective completed: Run a half marathon"). */
  title: string;
  /** Plain-text fallback: push notifications, screen readers, clients that cannot show cards. */
  text: string;
  fields: NotificationField[];
  /** Lists (the digest's goals); empty for most messages. */
  items: NotificationItem[];
  /** Back into the workspace (tenantOrigin). */
  link: { label: string; url: string } | null;
  /** The workspace's brand: its name and accent colour (#rrggbb). */
  brand: { name: string; accentColor: string };
}

/** Delivers one message to one route's channel. Provider failures are thrown as ProviderError. */
export interface NotificationSender {
  send(input: { route: IntegrationChannelRoute; message: NotificationMessage }): Promise<{ externalId: string | null }>;
}
