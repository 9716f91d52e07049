import { runGoalDueNotifications } from '../../notifications/due-dates.ts';
import { runNotificationEmails } from '../../notifications/emails.ts';
import { runHabitReminders } from '../../notifications/reminders.ts';
import { defineJob, noPayload } from '../define-job.ts';

// Every minute: "immediately" emails and reminders go out within a minute; digests wait for
// 08:00 in each member's zone. Rows are claimed (emails) or locked (reminders) before sending,
// so an overlapping or retried run sends nothing twice; the next run is the retry.
export const notificationJobs = [
  /** Sends members' pending notification emails, at once or as their digest cadence says (lib/notifications/emails.ts). */
  defineJob({
    name: 'notifications.emails',
    payload: noPayload,
    cron: '* * * * *',
    retry: { retries: 0, delaysSeconds: [] },
    run: () => runNotificationEmails(new Date()),
  }),
  /** Fires the habit reminders that are due (lib/notifications/reminders.ts). */
  defineJob({
    name: 'notifications.habit_reminders',
    payload: noPayload,
    cron: '* * * * *',
    retry: { retries: 0, delaysSeconds: [] },
    run: () => runHabitReminders(new Date()),
  }),
  /** Tells owners and assignees about goals due soon or overdue (lib/notifications/due-dates.ts). */
  defineJob({
    name: 'notifications.goal_due_dates',
    payload: noPayload,
    // Hourly, so every zone passes 09:00 local; once per goal and target date (dedupeKey).
    cron: '10 * * * *',
    retry: { retries: 1, delaysSeconds: [300] },
    run: () => runGoalDueNotifications(new Date()),
  }),
];
