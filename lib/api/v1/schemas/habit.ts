import { z } from 'zod';
import { HabitSchedule } from '../../../db/generated/enums.ts';
import { createHabitSchema, logHabitSchema, streakUnitSchema, updateHabitSchema, type HabitView, type LogResult } from '../../../habits/habit-schema.ts';
import { CalendarDate, checkDateRange, dateRangeQuery, listOf, pageQuery, Timestamp } from './common.ts';

// Habits and their logs in the public API. Bodies are the app's own habit schemas
// (lib/habits/habit-schema.ts), made strict so an unknown field is a 422.

export const HabitResource = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    schedule: z.enum(HabitSchedule),
    scheduleDays: z.array(z.int().min(0).max(6)).meta({ description: 'weekly_days only: 0 = Sunday … 6 = Saturday.' }),
    timesPerWeek: z.int().min(1).max(7).nullable().meta({ description: 'times_per_week only: the weekly target.' }),
    archived: z.boolean(),
    archivedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    streak: z.object({
      current: z.int(),
      longest: z.int(),
      unit: streakUnitSchema.meta({ description: 'days (daily), occurrences (scheduled days of weekly_days), weeks (times_per_week).' }),
    }),
    today: z
      .object({
        date: CalendarDate,
        due: z.boolean(),
        done: z.boolean(),
        weekCount: z.int().meta({ description: 'Logs this ISO week.' }),
        weekTarget: z.int().nullable(),
      })
      .meta({ description: "Where the habit stands on the workspace's today (its time zone)." }),
  })
  .meta({ description: 'One of your habits. Habits are personal: only their owner sees them.' });
export type HabitResource = z.infer<typeof HabitResource>;

export const HabitList = listOf(HabitResource, 'A page of habits, newest first.');

export const HabitCreate = createHabitSchema.in
  .strict()
  .meta({
    description:
      'name (1–100 characters); description (up to 1000, optional); schedule: daily (default), weekly_days with scheduleDays (0 = Sunday … 6 = Saturday) or times_per_week with timesPerWeek (1–7).',
  })
  .pipe(createHabitSchema.out);

export const HabitUpdate = updateHabitSchema.strict().meta({
  description: 'Any of name, description, schedule, scheduleDays, timesPerWeek; archived: true archives, false restores. A schedule change must be complete, e.g. weekly_days needs scheduleDays.',
});

export const HabitListQuery = z.object({
  ...pageQuery,
  archived: z
    .enum(['true', 'false'], { message: 'Use true or false.' })
    .optional()
    .meta({ description: 'true: only archived habits; false: only active ones; leave out for both.' }),
});

export const HabitLogResource = z
  .object({ habitId: z.string(), date: CalendarDate, note: z.string().nullable() })
  .meta({ description: "A habit done on a day (the workspace's calendar date). One log per habit and day." });
export type HabitLogResource = z.infer<typeof HabitLogResource>;

export const HabitLogList = listOf(HabitLogResource, 'A page of logs, latest date first.');

export const HabitLogCreate = logHabitSchema.strict().meta({
  description: "date (YYYY-MM-DD in the workspace's time zone; default today; up to 7 days back, never the future); note (up to 500 characters, optional).",
});

export const HabitLogResult = z
  .object({
    log: HabitLogResource,
    habit: HabitResource,
    milestonesReached: z.array(z.int()).meta({ description: 'Streak milestones (7, 30, 100) this log reached for the first time.' }),
  })
  .meta({ description: 'The new log and the habit with its new streak.' });

export const HabitLogListQuery = z
  .object({ ...pageQuery, ...dateRangeQuery("date (the workspace's calendar date)") })
  .superRefine(checkDateRange);

export function toHabitResource(habit: HabitView): HabitResource {
  return {
    id: habit.id,
    name: habit.name,
    description: habit.description,
    schedule: habit.schedule,
    scheduleDays: habit.scheduleDays,
    timesPerWeek: habit.timesPerWeek,
    archived: habit.archivedAt !== null,
    archivedAt: habit.archivedAt,
    createdAt: habit.createdAt,
    streak: { current: habit.streak.current, longest: habit.streak.longest, unit: habit.streak.unit },
    today: habit.today,
  };
}

export function toHabitLogResult(habitId: string, result: LogResult): z.infer<typeof HabitLogResult> {
  return { log: { habitId, date: result.log.date, note: result.log.note }, habit: toHabitResource(result.habit), milestonesReached: result.milestonesReached };
}
