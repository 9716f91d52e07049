import { z } from 'zod';
import { parseDateOnly } from './dates.ts';

// Input and response shapes of goals, their progress and assignees. Shared by route
// handlers, services and client components (no server imports here).

export const GOAL_STATUSES = ['active', 'completed', 'archived'] as const;
export const goalStatusSchema = z.enum(GOAL_STATUSES, { message: 'Choose active, completed or archived.' });
export const assigneeRoleSchema = z.enum(['lead', 'contributor'], { message: 'Choose lead or contributor.' });

export const idSchema = z.string({ message: 'Choose one.' }).trim().min(1, 'Choose one.').max(50, 'This id is too long.');

/** Optional free text: blank becomes null, so a form can clear the field. */
export function optionalText(max: number) {
  return z
    .string({ message: 'Enter text.' })
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();
}

/** Optional calendar date "YYYY-MM-DD"; blank becomes null. */
export const optionalDateSchema = z
  .string({ message: 'Enter a date like 2025-12-31.' })
  .trim()
  .refine((value) => value === '' || parseDateOnly(value) !== null, 'Enter a date like 2025-12-31.')
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

const titleSchema = z.string({ message: 'Enter a title.' }).trim().min(1, 'Enter a title.').max(200, 'Use at most 200 characters.');

export const MAX_TARGET_VALUE = 1_000_000_000;
export const MAX_UNIT_LENGTH = 20;

/** A measurable goal's target (e.g. 100 for "100 km"); null clears it (progress is then set by hand). */
export const targetValueSchema = z
  .number({ message: 'Enter a number greater than 0.' })
  .positive('Enter a number greater than 0.')
  .max(MAX_TARGET_VALUE, 'Use at most 1,000,000,000.')
  .nullable()
  .optional();

/** What the target counts ("km", "books"); blank becomes null. Only with a target. */
export const unitSchema = optionalText(MAX_UNIT_LENGTH);

export const createGoalSchema = z.object({
  title: titleSchema,
  description: optionalText(5000),
  targetDate: optionalDateSchema,
  targetValue: targetValueSchema,
  unit: unitSchema,
  /** null or absent: a personal goal. */
  teamId: idSchema.nullable().optional(),
});

export const updateGoalSchema = z
  .object({ title: titleSchema.optional(), description: optionalText(5000), targetDate: optionalDateSchema, targetValue: targetValueSchema, unit: unitSchema })
  .refine((value) => Object.values(value).some((field) => field !== undefined), { message: 'Change at least one field.' });

export const progressInputSchema = z.object({
  progress: z
    .number({ message: 'Enter a number from 0 to 100.' })
    .int('Use a whole number.')
    .min(0, 'Use a number from 0 to 100.')
    .max(100, 'Use a number from 0 to 100.'),
  note: optionalText(500),
});

export const addAssigneeSchema = z.object({ userId: idSchema, role: assigneeRoleSchema.default('contributor') });
export const changeAssigneeSchema = z.object({ role: assigneeRoleSchema });

export const goalListQuerySchema = z.object({
  status: goalStatusSchema.optional(),
  teamId: idSchema.optional(),
  /** personal: my own goals; team: goals of my teams; all (default): both. */
  scope: z.enum(['all', 'personal', 'team'], { message: 'Choose all, personal or team.' }).default('all'),
});

export const GOAL_SORTS = ['due', 'newest', 'oldest', 'title', 'progress', 'updated'] as const;
export const GOAL_DUE_FILTERS = ['overdue', 'week', 'month', 'none'] as const;
export const GOAL_PAGE_SIZE = 20;

/**
 * The goals list page and GET /api/app/goals: the list filters plus search, assignee, due
 * window, sort and page. Query strings are text, so numbers are coerced; anything else is a 400.
 */
export const goalSearchSchema = goalListQuerySchema.extend({
  /** Words in the title or description, any case. */
  q: z.string().trim().max(200, 'Use at most 200 characters.').optional(),
  /** 'me', or a member's user id: goals they are assigned to (personal goals: their owner). */
  assignee: idSchema.optional(),
  /** overdue (active, target date passed), week / month (due in the next 7 / 30 days), none (no target date). */
  due: z.enum(GOAL_DUE_FILTERS, { message: 'Choose overdue, week, month or none.' }).optional(),
  sort: z.enum(GOAL_SORTS, { message: `Choose one of ${GOAL_SORTS.join(', ')}.` }).default('due'),
  page: z.coerce.number({ message: 'Use a page number.' }).int('Use a whole number.').min(1, 'Pages start at 1.').max(10_000, 'Too far.').default(1),
  pageSize: z.coerce.number({ message: 'Use a number.' }).int('Use a whole number.').min(1, 'Use 1 to 100.').max(100, 'Use 1 to 100.').default(GOAL_PAGE_SIZE),
});

export type GoalSearch = z.input<typeof goalSearchSchema>;
export type GoalSort = (typeof GOAL_SORTS)[number];
export type GoalDueFilter = (typeof GOAL_DUE_FILTERS)[number];

export type CreateGoalInput = z.input<typeof createGoalSchema>;
export type UpdateGoalInput = z.input<typeof updateGoalSchema>;
export type ProgressInput = z.input<typeof progressInputSchema>;
export type GoalListQuery = z.input<typeof goalListQuerySchema>;

// Responses.

const person = { userId: z.string(), name: z.string() };

export const goalAssigneeSchema = z.object({ ...person, role: assigneeRoleSchema });

export const goalSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  /** YYYY-MM-DD */
  targetDate: z.string().nullable(),
  status: goalStatusSchema,
  progress: z.number().int(),
  /** Measurable goals: the target and its unit, and the sum of the measurements so far. */
  targetValue: z.number().nullable(),
  unit: z.string().nullable(),
  currentValue: z.number(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string(),
  completedAt: z.string().nullable(),
  completedById: z.string().nullable(),
  completedByName: z.string().nullable(),
  milestones: z.object({ completed: z.number().int(), total: z.number().int() }),
  assignees: z.array(goalAssigneeSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const milestoneSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: z.string().nullable(),
  position: z.number().int(),
  completedAt: z.string().nullable(),
});

export const contributionSchema = z.object({ ...person, contribution: z.number().int(), share: z.number(), sharePercent: z.number().int() });

export const progressEntrySchema = z.object({ id: z.string(), ...person, delta: z.number().int(), note: z.string().nullable(), createdAt: z.string() });

export const goalAccessSchema = z.object({
  /** title, description, dates, status, milestones, assignees, delete */
  canEdit: z.boolean(),
  canLogProgress: z.boolean(),
});

export const goalDetailSchema = goalSummarySchema.extend({
  milestoneList: z.array(milestoneSchema),
  contributions: z.array(contributionSchema),
  recentProgress: z.array(progressEntrySchema),
  /** Progress after each logged change, oldest first, from 0 at creation: the page's chart. */
  progressHistory: z.array(z.object({ at: z.string(), progress: z.number().int() })),
  access: goalAccessSchema,
  /** Team members who could be assigned; empty unless the viewer may edit a team goal. */
  assignableMembers: z.array(z.object(person)),
});

export const goalPageSchema = z.object({
  goals: z.array(goalSummarySchema),
  /** Goals matching the filters, all pages together. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
});
export type GoalPage = z.infer<typeof goalPageSchema>;

export type GoalStatus = z.infer<typeof goalStatusSchema>;
export type AssigneeRole = z.infer<typeof assigneeRoleSchema>;
export type GoalSummary = z.infer<typeof goalSummarySchema>;
export type GoalDetail = z.infer<typeof goalDetailSchema>;
export type MilestoneView = z.infer<typeof milestoneSchema>;
export type GoalAccess = z.infer<typeof goalAccessSchema>;
