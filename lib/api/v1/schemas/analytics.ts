import { z } from 'zod';
import { streakUnitSchema } from '../../../habits/habit-schema.ts';
import { CalendarDate, Timestamp } from './common.ts';

const weekly = z
  .array(z.object({ weekStart: CalendarDate.meta({ description: 'Monday of the ISO week.' }), count: z.int() }))
  .meta({ description: 'The last 12 ISO weeks, oldest first; the last is the current week.' });

export const AnalyticsOverview = z
  .object({
    generatedAt: Timestamp,
    goals: z.object({
      total: z.int().meta({ description: 'Goals you can see: your personal goals and your teams’ goals.' }),
      byStatus: z.object({ active: z.int(), completed: z.int(), archived: z.int() }),
      averageProgress: z.number().min(0).max(100).nullable().meta({ description: 'Mean progress of the active goals, in percent (one decimal); null without active goals.' }),
      completedByWeek: weekly.meta({ description: 'Goals you completed per ISO week (UTC), the last 12 weeks, oldest first.' }),
    }),
    habits: z.object({
      total: z.int(),
      active: z.int(),
      archived: z.int(),
      logsLast7Days: z.int().meta({ description: "Logs dated in the last 7 days, today included (the workspace's calendar)." }),
      logsLast30Days: z.int().meta({ description: 'Logs dated in the last 30 days, today included.' }),
      currentStreaks: z
        .array(z.object({ habitId: z.string(), name: z.string(), current: z.int(), longest: z.int(), unit: streakUnitSchema }))
        .meta({ description: 'Active habits with a running streak, longest current streak first.' }),
      completedByWeek: weekly.meta({ description: "Habit logs per ISO week (the workspace's calendar), the last 12 weeks, oldest first." }),
    }),
  })
  .meta({ description: 'Your goals and habits at a glance.' });
export type AnalyticsOverview = z.infer<typeof AnalyticsOverview>;
