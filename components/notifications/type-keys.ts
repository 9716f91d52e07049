import type { NotificationType } from '@/lib/notifications/types';

/** Each notification type's place in the catalog (notifications.types.<key>.label / .description). */
export const NOTIFICATION_TYPE_KEYS = {
  mention: 'mention',
  comment: 'comment',
  assignment: 'assignment',
  kudos: 'kudos',
  invitation_accepted: 'invitationAccepted',
  join_request: 'joinRequest',
  goal_due_soon: 'goalDueSoon',
  goal_overdue: 'goalOverdue',
  habit_reminder: 'habitReminder',
} as const satisfies Record<NotificationType, string>;
