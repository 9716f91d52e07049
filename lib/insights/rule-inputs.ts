import type { HabitSchedule } from '../db/generated/enums.ts';
import type { LocalDate } from '../habits/local-date.ts';

// The rows the rules read, loaded by compute.ts: plain values, so the rules are pure
// functions of them and a clock, and tests hand them fixed data.

export interface HabitInput {
  id: string;
  userId: string;
  schedule: HabitSchedule;
  scheduleDays: number[];
  timesPerWeek: number | null;
  /** The workspace's calendar date the habit was created on: days before it are not misses. */
  createdOn: LocalDate;
  /** Every log: its calendar date and when it was written (to tell the usual hour of logging). */
  logs: { date: LocalDate; createdAt: Date }[];
}

export interface GoalInput {
  id: string;
  ownerId: string;
  teamId: string | null;
  progress: number;
  /** The calendar date the goal was created on (the workspace's). */
  createdOn: LocalDate;
  targetDate: LocalDate | null;
}

export interface MilestoneInput {
  id: string;
  goalId: string;
  goalOwnerId: string;
  goalTeamId: string | null;
  dueDate: LocalDate | null;
  completed: boolean;
}

/** A team's activity: dates of its members' logs of shared habits and of progress on its goals. */
export interface TeamActivityInput {
  teamId: string;
  habitLogDates: LocalDate[];
  progressDates: LocalDate[];
}

/** Rates and shares are stored with two decimals: enough for a sentence, stable across runs. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
