import type { Translator } from '../i18n/translator.ts';

// The kinds of in-app notification, what each says and links to, and the per-type channel
// defaults. Client-safe (the bell, the notification center and Account › Notifications use it).
// A notification is stored as a type and data (names as they were), never as text: its
// sentence is made when it is read, in the reader's language (messages/<language>/
// notifications.json). The labels below are the English ones, for code outside the pages
// (the unsubscribe page); the pages take theirs from the catalog (notifications.types, and
// notifications.settings.channels and .cadences for the channels and digest cadences).

export const NOTIFICATION_TYPES = [
  'mention',
  'comment',
  'assignment',
  'kudos',
  'invitation_accepted',
  'join_request',
  'goal_due_soon',
  'goal_overdue',
  'habit_reminder',
] as const;

export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** in_app: the bell only; email: the bell and an email (now or in the digest); none: nothing. */
export const CHANNELS = ['in_app', 'email', 'none'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIGEST_CADENCES = ['immediately', 'daily', 'weekly'] as const;
export type DigestCadence = (typeof DIGEST_CADENCES)[number];

/** Where each type goes until a member chooses (its words are the catalog's: notifications.types). */
export const NOTIFICATION_TYPE_INFO: Record<NotificationType, { defaultChannel: Channel }> = {
  mention: { defaultChannel: 'email' },
  comment: { defaultChannel: 'in_app' },
  assignment: { defaultChannel: 'email' },
  kudos: { defaultChannel: 'in_app' },
  invitation_accepted: { defaultChannel: 'in_app' },
  join_request: { defaultChannel: 'email' },
  goal_due_soon: { defaultChannel: 'email' },
  goal_overdue: { defaultChannel: 'email' },
  habit_reminder: { defaultChannel: 'email' },
};

export function isNotificationType(value: string): value is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

/** What the notification center shows for one notification. */
export interface NotificationView {
  id: string;
  type: NotificationType;
  text: string;
  /** Where it leads (a path on the workspace's host). */
  href: string;
  actorName: string | null;
  read: boolean;
  createdAt: string;
}

export interface NotificationPage {
  items: NotificationView[];
  unread: number;
  nextCursor: string | null;
}

/** Data kept on a notification for its text (as it was when it happened). */
export interface NotificationData {
  actorName?: string | null;
  title?: string;
  excerpt?: string;
  goalId?: string;
  milestoneId?: string | null;
  teamName?: string;
  targetDate?: string;
  date?: string;
}

/**
 * The sentence and link of a notification, in `t`'s language and the workspace's words
 * (translatorFor(language, tenant.branding)). `day` writes a target date ("2027-01-17") for
 * the reader; without it the date stays as stored.
 */
export function describeNotification(
  n: { type: string; subjectType: string; subjectId: string; data: NotificationData },
  t: Translator,
  day: (date: string) => string = (date) => date,
): { text: string; href: string } {
  const who = n.data.actorName ?? t('notifications.sentences.someone');
  const title = n.data.title ?? (n.subjectType === 'habit' ? t('notifications.sentences.aHabit') : t('notifications.sentences.aGoal'));
  const goalHref = `/goals/${encodeURIComponent(n.data.goalId ?? n.subjectId)}`;
  const excerpt = n.data.excerpt;
  switch (n.type as NotificationType) {
    case 'mention':
      return { text: excerpt ? t('notifications.sentences.mentionWithExcerpt', { who, title, excerpt }) : t('notifications.sentences.mention', { who, title }), href: goalHref };
    case 'comment':
      return { text: excerpt ? t('notifications.sentences.commentWithExcerpt', { who, title, excerpt }) : t('notifications.sentences.comment', { who, title }), href: goalHref };
    case 'assignment':
      return { text: t('notifications.sentences.assignment', { who, title }), href: goalHref };
    case 'kudos':
      return n.subjectType === 'habit'
        ? { text: t('notifications.sentences.kudosHabit', { who, title }), href: `/habits/${encodeURIComponent(n.subjectId)}` }
        : { text: t('notifications.sentences.kudosGoal', { who, title }), href: goalHref };
    case 'invitation_accepted':
      return { text: t('notifications.sentences.invitationAccepted', { who }), href: '/settings/members' };
    case 'join_request':
      return { text: t('notifications.sentences.joinRequest', { who, teamName: n.data.teamName ?? t('notifications.sentences.aTeam') }), href: `/teams/${encodeURIComponent(n.subjectId)}` };
    case 'goal_due_soon':
      return { text: n.data.targetDate ? t('notifications.sentences.dueOn', { title, date: day(n.data.targetDate) }) : t('notifications.sentences.dueSoon', { title }), href: goalHref };
    case 'goal_overdue':
      return { text: n.data.targetDate ? t('notifications.sentences.overdueSince', { title, date: day(n.data.targetDate) }) : t('notifications.sentences.overdue', { title }), href: goalHref };
    case 'habit_reminder':
      return { text: t('notifications.sentences.habitReminder', { title }), href: `/habits/${encodeURIComponent(n.subjectId)}` };
    default:
      return { text: t('notifications.sentences.other'), href: '/notifications' };
  }
}
