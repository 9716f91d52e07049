import { z } from 'zod';

// What an insight is: its kind, its subject and the numbers behind it (Insight.data), one
// schema per kind. The rules write data with these shapes; readers (the dashboard, the
// digest, the coach, GET /api/v1/insights) parse it back with them, so a row written by an
// older version of a rule that no longer parses is left out rather than shown half-filled.

export const INSIGHT_KINDS = ['streak_at_risk', 'best_weekday', 'worst_weekday', 'goal_at_risk', 'milestone_due_soon', 'team_momentum'] as const;
export type InsightKind = (typeof INSIGHT_KINDS)[number];

export const INSIGHT_SUBJECT_TYPES = ['habit', 'goal', 'milestone', 'team'] as const;
export type InsightSubjectType = (typeof INSIGHT_SUBJECT_TYPES)[number];

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const rate = z.number().min(0).max(1);
const weekday = z.int().min(0).max(6);

/** One weekday of a habit against its other scheduled weekdays (best_weekday, worst_weekday). */
const weekdayPattern = z.object({
  weekday,
  rate,
  logged: z.int().min(0),
  scheduled: z.int().min(1),
  /** The completion rate of the habit's other scheduled weekdays together. */
  otherRate: rate,
  weeks: z.int().min(1),
  weekStart: localDate,
});

export const insightDataSchemas = {
  /** A habit due today, not logged yet, that the member has usually logged by this hour. */
  streak_at_risk: z.object({
    localDate,
    currentStreak: z.int().min(1),
    streakUnit: z.enum(['days', 'occurrences', 'weeks']),
    /** The hour of day (0-23, local) by which the member has logged on most past scheduled days. */
    usualLogHour: z.int().min(0).max(23),
    /** Share of the past scheduled days (sampleDays) logged before this hour of the day. */
    loggedByNowRate: rate,
    sampleDays: z.int().min(1),
  }),
  /** The weekday a habit is done most often, next to the others. */
  best_weekday: weekdayPattern,
  /** The weekday a habit is missed most often. */
  worst_weekday: weekdayPattern,
  /** A goal whose progress trails the share of its time that has passed. */
  goal_at_risk: z.object({
    progress: z.int().min(0).max(100),
    expectedProgress: z.int().min(0).max(100),
    elapsedShare: rate,
    daysLeft: z.int().min(0),
    targetDate: localDate,
    localDate,
  }),
  /** An open milestone due within a few days. */
  milestone_due_soon: z.object({
    goalId: z.string(),
    dueDate: localDate,
    daysLeft: z.int().min(0),
    localDate,
  }),
  /** A team's activity last week (whole ISO week) next to the week before. */
  team_momentum: z.object({
    /** Monday of last week. */
    weekStart: localDate,
    week: z.object({ habitLogs: z.int().min(0), progressUpdates: z.int().min(0) }),
    previousWeek: z.object({ habitLogs: z.int().min(0), progressUpdates: z.int().min(0) }),
    total: z.int().min(0),
    previousTotal: z.int().min(0),
    /** (total - previousTotal) / previousTotal in percent, rounded; null when the week before had nothing. */
    changePercent: z.int().nullable(),
    direction: z.enum(['up', 'down']),
  }),
} as const satisfies Record<InsightKind, z.ZodType>;

export type InsightData = { [K in InsightKind]: z.infer<(typeof insightDataSchemas)[K]> };

/** What a rule found, before it is stored: the runner turns drafts into Insight rows. */
export type InsightDraft = {
  [K in InsightKind]: {
    kind: K;
    /** One insight per kind, subject and period, e.g. "streak_at_risk:<habitId>:2026-12-07". */
    key: string;
    userId: string | null;
    teamId: string | null;
    subjectType: InsightSubjectType;
    subjectId: string;
    data: InsightData[K];
    expiresAt: Date;
  };
}[InsightKind];

interface InsightItemBase {
  id: string;
  /** member: about the reader's own data; team: about one of the reader's teams. */
  scope: 'member' | 'team';
  teamId: string | null;
  /** The team's name on team insights (also on a team goal's or milestone's), else null. */
  teamName: string | null;
  subject: { type: InsightSubjectType; id: string; name: string };
  /** The goal a milestone belongs to (milestone_due_soon), else null. */
  goal: { id: string; title: string } | null;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
}

/** One insight as a member may read it (listInsights). */
export type InsightItem = { [K in InsightKind]: InsightItemBase & { kind: K; data: InsightData[K] } }[InsightKind];
