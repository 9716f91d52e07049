import { z } from 'zod';
import { HabitSchedule } from '../db/generated/enums.ts';
import { isLocalDate } from './local-date.ts';
import { normalizeDays } from './streaks.ts';

// The habit resources as the API takes and gives them. Route handlers parse request bodies
// with the input schemas; the browser parses responses with the output ones, so a change of
// shape on one side fails loudly instead of rendering undefined.

export const HABIT_NAME_MAX = 100;
export const HABIT_DESCRIPTION_MAX = 1000;
export const HABIT_NOTE_MAX = 500;
/** A day can be logged (or taken back) until this many days after it: late logging. */
export const MAX_LOG_AGE_DAYS = 7;

export const localDateSchema = z.string().refine(isLocalDate, 'Use a date written YYYY-MM-DD.');

const scheduleKind = z.enum(HabitSchedule, { error: 'Pick a schedule: daily, weekly_days or times_per_week.' });
const dayOfWeek = z.int('Use 0 (Sunday) to 6 (Saturday).').min(0, 'Use 0 (Sunday) to 6 (Saturday).').max(6, 'Use 0 (Sunday) to 6 (Saturday).');
const scheduleDays = z.array(dayOfWeek, { error: 'Give the days as a list of numbers.' }).max(7, 'A week has 7 days.');
const timesPerWeek = z.int('Enter a whole number.').min(1, 'Use 1 to 7 times a week.').max(7, 'Use 1 to 7 times a week.');

const name = z.string({ error: 'Enter a name.' }).trim().min(1, 'Enter a name.').max(HABIT_NAME_MAX, `Use at most ${HABIT_NAME_MAX} characters.`);
// Blank text means "none", so clearing a field in a form stores null rather than ''.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .nullable()
    .transform((value) => value || null)
    .optional();

interface RuleFields {
  schedule: HabitSchedule;
  scheduleDays?: number[];
  timesPerWeek?: number | null;
}

/** The stored form of a schedule: only the field the schedule uses is set. */
export interface HabitRuleInput {
  schedule: HabitSchedule;
  scheduleDays: number[];
  timesPerWeek: number | null;
}

function checkRule(value: RuleFields, ctx: z.RefinementCtx): void {
  if (value.schedule === 'weekly_days' && !value.scheduleDays?.length) {
    ctx.addIssue({ code: 'custom', path: ['scheduleDays'], message: 'Pick at least one day.' });
  }
  if (value.schedule === 'times_per_week' && value.timesPerWeek == null) {
    ctx.addIssue({ code: 'custom', path: ['timesPerWeek'], message: 'Enter how many times a week, 1 to 7.' });
  }
}

// Checked even when another field is invalid, so a form shows every problem at once.
const alsoWithOtherErrors = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

function normalizeRule(value: RuleFields): HabitRuleInput {
  return {
    schedule: value.schedule,
    scheduleDays: value.schedule === 'weekly_days' ? normalizeDays(value.scheduleDays ?? []) : [],
    timesPerWeek: value.schedule === 'times_per_week' ? (value.timesPerWeek ?? null) : null,
  };
}

/** A complete schedule; updates merge the change over the stored schedule and check it here. */
export const habitRuleSchema = z
  .object({ schedule: scheduleKind, scheduleDays: scheduleDays.optional(), timesPerWeek: timesPerWeek.nullish() })
  .superRefine(checkRule, alsoWithOtherErrors)
  .transform(normalizeRule);

export const createHabitSchema = z
  .object({
    name,
    description: optionalText(HABIT_DESCRIPTION_MAX),
    schedule: scheduleKind.default('daily'),
    scheduleDays: scheduleDays.optional(),
    timesPerWeek: timesPerWeek.nullish(),
  })
  .superRefine(checkRule, alsoWithOtherErrors)
  .transform((value) => ({ name: value.name, description: value.description ?? null, ...normalizeRule(value) }));
export type CreateHabitInput = z.input<typeof createHabitSchema>;
export type CreateHabit = z.output<typeof createHabitSchema>;

/** PATCH: every field optional; `archived` archives (true) or restores (false). */
export const updateHabitSchema = z
  .object({
    name: name.optional(),
    description: optionalText(HABIT_DESCRIPTION_MAX),
    schedule: scheduleKind.optional(),
    scheduleDays: scheduleDays.optional(),
    timesPerWeek: timesPerWeek.nullish(),
    archived: z.boolean('Use true or false.').optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), 'Send at least one field to change.');
export type UpdateHabit = z.output<typeof updateHabitSchema>;

export const logHabitSchema = z.object({
  /** The tenant's calendar date; today when left out. */
  date: localDateSchema.optional(),
  note: optionalText(HABIT_NOTE_MAX),
});
export type LogHabit = z.output<typeof logHabitSchema>;

/** DELETE …/logs?date=YYYY-MM-DD; today when left out. */
export const unlogHabitSchema = z.object({ date: localDateSchema.optional() });

export const habitLogSchema = z.object({ date: localDateSchema, note: z.string().nullable() });
export type HabitLogView = z.infer<typeof habitLogSchema>;

export const streakUnitSchema = z.enum(['days', 'occurrences', 'weeks']);

export const habitSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  schedule: scheduleKind,
  scheduleDays: z.array(z.int()),
  timesPerWeek: z.int().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  streak: z.object({
    current: z.int(),
    longest: z.int(),
    unit: streakUnitSchema,
    /** Highest milestone the current streak has reached (7, 30, 100), for the badge. */
    milestone: z.int().nullable(),
  }),
  today: z.object({
    /** The tenant's calendar date the status is for. */
    date: localDateSchema,
    /** Expected today: every day (daily), a scheduled day (weekly_days), target not yet met (times_per_week). */
    due: z.boolean(),
    done: z.boolean(),
    /** Logs this ISO week, and the weekly target for times_per_week (else null). */
    weekCount: z.int(),
    weekTarget: z.int().nullable(),
  }),
});
export type HabitView = z.infer<typeof habitSchema>;

export const habitListSchema = z.object({ habits: z.array(habitSchema) });
export type HabitList = z.infer<typeof habitListSchema>;

export const HABIT_SORTS = ['created', 'name', 'streak'] as const;
export const HABIT_PAGE_SIZE = 20;

/** The habits list page and GET /api/app/habits. Query strings are text: numbers are coerced; bad values are a 400. */
export const habitSearchSchema = z.object({
  q: z.string().trim().max(HABIT_NAME_MAX, `Use at most ${HABIT_NAME_MAX} characters.`).optional(),
  /** active (default), archived, or all. */
  status: z.enum(['active', 'archived', 'all'], { error: 'Choose active, archived or all.' }).default('active'),
  /** today: expected today and not done yet; done: done today. */
  today: z.enum(['due', 'done'], { error: 'Choose due or done.' }).optional(),
  schedule: scheduleKind.optional(),
  sort: z.enum(HABIT_SORTS, { error: `Choose one of ${HABIT_SORTS.join(', ')}.` }).default('created'),
  page: z.coerce.number({ error: 'Use a page number.' }).int('Use a whole number.').min(1, 'Pages start at 1.').max(10_000, 'Too far.').default(1),
  pageSize: z.coerce.number({ error: 'Use a number.' }).int('Use a whole number.').min(1, 'Use 1 to 100.').max(100, 'Use 1 to 100.').default(HABIT_PAGE_SIZE),
});
export type HabitSearch = z.input<typeof habitSearchSchema>;
export type HabitSort = (typeof HABIT_SORTS)[number];

export const habitPageSchema = z.object({
  habits: z.array(habitSchema),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
  pageCount: z.int(),
});
export type HabitPage = z.infer<typeof habitPageSchema>;

export const habitDetailSchema = habitSchema.extend({
  /** Logs from the Monday seven weeks before this week's to today: eight weeks for the grid. */
  history: z.object({ from: localDateSchema, to: localDateSchema, logs: z.array(habitLogSchema) }),
});
export type HabitDetail = z.infer<typeof habitDetailSchema>;

export const logResultSchema = z.object({
  log: habitLogSchema,
  habit: habitSchema,
  /** Milestones this log made the current streak reach for the first time. */
  milestonesReached: z.array(z.int()),
});
export type LogResult = z.infer<typeof logResultSchema>;

export const unlogResultSchema = z.object({ habit: habitSchema });
