import { z } from 'zod';
import { assigneeRoleSchema, createGoalSchema, goalStatusSchema, updateGoalSchema, type GoalSummary } from '../../../goals/goal-schema.ts';
import { CalendarDate, checkDateRange, dateRangeQuery, listOf, pageQuery, Timestamp } from './common.ts';

// Goals in the public API. Bodies are the app's own goal schemas (lib/goals/goal-schema.ts),
// made strict so an unknown field is a 422 rather than silently dropped.

export const GoalResource = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    status: goalStatusSchema,
    progress: z.int().min(0).max(100).meta({ description: 'Percent done, 0 to 100.' }),
    targetValue: z.number().nullable().meta({ description: 'A measurable goal’s target in its unit (100 for “100 km”); null: progress is set by hand only.' }),
    unit: z.string().nullable().meta({ description: 'What the target counts, e.g. “km”; null without one.' }),
    currentValue: z.number().meta({ description: 'The sum of the goal’s measurements (POST /api/v1/metrics); progress is currentValue / targetValue, capped at 100.' }),
    targetDate: CalendarDate.nullable(),
    teamId: z.string().nullable().meta({ description: 'The team of a team goal; null for a personal goal.' }),
    ownerId: z.string().meta({ description: 'Who created the goal.' }),
    completedAt: Timestamp.nullable(),
    milestones: z.object({ completed: z.int(), total: z.int() }),
    assignees: z.array(z.object({ userId: z.string(), role: assigneeRoleSchema })).meta({ description: 'Team goals only: who works on it.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ description: 'A goal: personal (only its owner sees it) or of a team (its members and workspace admins see it).' });
export type GoalResource = z.infer<typeof GoalResource>;

export const GoalList = listOf(GoalResource, 'A page of goals, newest first.');

export const GoalCreate = createGoalSchema.strict().meta({
  description:
    'title (1–200 characters); description (up to 5000, optional); targetDate (YYYY-MM-DD, optional); targetValue (a number above 0, up to 1,000,000,000, optional: makes the goal measurable) and unit (up to 20 characters, only with targetValue); teamId (optional: a team you belong to, for a team goal; leave out for a personal goal).',
});

export const GoalUpdate = updateGoalSchema.strict().meta({
  description:
    'At least one of title, description, targetDate, targetValue, unit. An empty string or null clears description, targetDate and unit; null clears targetValue (and the unit with it). A new targetValue moves an active goal’s progress to currentValue / targetValue. Archived goals cannot be changed (409).',
});

export const GoalListQuery = z
  .object({
    ...pageQuery,
    status: goalStatusSchema.optional().meta({ description: 'Only goals with this status.' }),
    ...dateRangeQuery('creation date (createdAt, in UTC)'),
  })
  .superRefine(checkDateRange);

export function toGoalResource(goal: GoalSummary): GoalResource {
  return {
    id: goal.id,
    title: goal.title,
    description: goal.description,
    status: goal.status,
    progress: goal.progress,
    targetValue: goal.targetValue,
    unit: goal.unit,
    currentValue: goal.currentValue,
    targetDate: goal.targetDate,
    teamId: goal.teamId,
    ownerId: goal.ownerId,
    completedAt: goal.completedAt,
    milestones: goal.milestones,
    assignees: goal.assignees.map((a) => ({ userId: a.userId, role: a.role })),
    createdAt: goal.createdAt,
    updatedAt: goal.updatedAt,
  };
}

