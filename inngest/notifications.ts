import { JOBS } from '../lib/jobs/job-types.ts';
import { runGoalDueNotifications } from '../lib/notifications/due-dates.ts';
import { runNotificationEmails } from '../lib/notifications/emails.ts';
import { runHabitReminders } from '../lib/notifications/reminders.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// Notifications (lib/notifications): the same functions the PostgreSQL queue runs
// (lib/jobs/start.ts). Emails are claimed and reminders locked before they are sent, so an
// overlapping or repeated run sends nothing twice.
export const notificationsEmailsFunction = inngest.createFunction(
  { id: 'notifications-emails', retries: inngestRetries('notifications.emails'), concurrency: { limit: 1 } },
  [{ cron: `TZ=UTC ${JOBS['notifications.emails'].cron}` }, { event: 'notifications.emails' }],
  async ({ step, attempt }) => step.run('emails', () => withRetrySchedule('notifications.emails', attempt, () => runNotificationEmails(new Date()))),
);

export const notificationsHabitRemindersFunction = inngest.createFunction(
  { id: 'notifications-habit-reminders', retries: inngestRetries('notifications.habit_reminders'), concurrency: { limit: 1 } },
  [{ cron: `TZ=UTC ${JOBS['notifications.habit_reminders'].cron}` }, { event: 'notifications.habit_reminders' }],
  async ({ step, attempt }) => step.run('reminders', () => withRetrySchedule('notifications.habit_reminders', attempt, () => runHabitReminders(new Date()))),
);

export const notificationsGoalDueDatesFunction = inngest.createFunction(
  { id: 'notifications-goal-due-dates', retries: inngestRetries('notifications.goal_due_dates') },
  [{ cron: `TZ=UTC ${JOBS['notifications.goal_due_dates'].cron}` }, { event: 'notifications.goal_due_dates' }],
  async ({ step, attempt }) => step.run('due-dates', () => withRetrySchedule('notifications.goal_due_dates', attempt, () => runGoalDueNotifications(new Date()))),
);
