import { z } from 'zod';

// Activity feeds: what GET /api/app/activity answers and what it accepts. Client-safe (the
// feed component parses answers with these schemas, so a drift fails loudly).

/** The feed's type filter: each word stands for a few event types (lib/activity/feed.ts). */
export const ACTIVITY_FILTERS = ['goals', 'habits', 'teams', 'comments', 'celebrations'] as const;
export type ActivityFilter = (typeof ACTIVITY_FILTERS)[number];

export const ACTIVITY_PAGE_SIZE = 30;

const GOAL_TYPES = ['goal.created', 'goal.completed', 'goal.updated'];
const HABIT_TYPES = ['habit.created', 'habit.logged', 'habit.streak_milestone'];
const TEAM_TYPES = ['team.member_added', 'team.member_removed'];
const COMMENT_TYPES = ['goal.commented'];

/** The event types each filter shows (no filter: all of them). */
export const FILTER_TYPES: Record<ActivityFilter | 'all', string[]> = {
  all: [...GOAL_TYPES, ...COMMENT_TYPES, ...HABIT_TYPES, ...TEAM_TYPES],
  goals: GOAL_TYPES,
  habits: HABIT_TYPES,
  teams: TEAM_TYPES,
  comments: COMMENT_TYPES,
  celebrations: ['goal.completed', 'habit.streak_milestone'],
};

const seqCursor = z.string().regex(/^[0-9]{1,19}$/, 'Use the nextCursor of a previous page.');
const scopeId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'Use an id.');

/** ?type, ?cursor, ?limit and at most one of ?teamId, ?goalId, ?userId (none: the workspace feed). */
export const activityQuerySchema = z
  .object({
    type: z.enum(ACTIVITY_FILTERS, { message: `Choose one of ${ACTIVITY_FILTERS.join(', ')}.` }).optional(),
    cursor: seqCursor.optional(),
    limit: z.coerce.number({ message: 'Use a number.' }).int('Use a whole number.').min(1, 'Use 1 to 100.').max(100, 'Use 1 to 100.').default(ACTIVITY_PAGE_SIZE),
    teamId: scopeId.optional(),
    goalId: scopeId.optional(),
    userId: scopeId.optional(),
  })
  .refine((q) => [q.teamId, q.goalId, q.userId].filter(Boolean).length <= 1, { message: 'Ask for one feed: teamId, goalId or userId.', path: ['teamId'] });
export type ActivityQuery = z.output<typeof activityQuerySchema>;

/** Which feed: the workspace's, a team's, a goal's or a member's. */
export type ActivityScope = { kind: 'workspace' } | { kind: 'team'; teamId: string } | { kind: 'goal'; goalId: string } | { kind: 'member'; userId: string };

/** One piece of a sentence: plain text, or a name that links somewhere. */
export const sentencePartSchema = z.object({ text: z.string(), href: z.string().optional() });
export type SentencePart = z.infer<typeof sentencePartSchema>;

export const kudosStateSchema = z.object({
  count: z.number().int(),
  /** The viewer has given kudos. */
  given: z.boolean(),
  /** The viewer may give (or take back) kudos: not their own achievement, and a role that writes. */
  canGive: z.boolean(),
});
export type KudosState = z.infer<typeof kudosStateSchema>;

export const activityItemSchema = z.object({
  /** The (newest) event's id; kudos are given on it. */
  id: z.string(),
  seq: z.string(),
  type: z.string(),
  at: z.string(),
  /** The oldest event of a group (equal to `at` for a single event). */
  since: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The sentence, e.g. [Sam][ logged ][Morning run][ (12-day streak)]. */
  parts: z.array(sentencePartSchema),
  /** The same sentence as plain text. */
  text: z.string(),
  /** How many events the item stands for (consecutive similar ones are grouped). */
  count: z.number().int(),
  /** Completions and streak milestones: kudos. */
  kudos: kudosStateSchema.nullable(),
});
export type ActivityItem = z.infer<typeof activityItemSchema>;

export const activityPageSchema = z.object({
  items: z.array(activityItemSchema),
  /** Pass as ?cursor for the next (older) page; null at the end. */
  nextCursor: z.string().nullable(),
});
export type ActivityPage = z.infer<typeof activityPageSchema>;
