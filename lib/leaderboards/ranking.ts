import type { StreakUnit } from '../habits/streaks.ts';

// Leaderboard math, as pure functions: what each member scored (figures) becomes a board the
// viewer sees. Ranks are competition ranks ("1, 2, 2, 4"): equal values share a rank and the
// next value skips the places they took; equal rows are listed by name. Members who opted
// out are neither listed nor ranked for anyone else and take no place in anyone's rank; to
// themselves they still appear, unranked, with their own figures.

export const METRICS = ['goalsCompleted', 'contribution', 'consistency', 'streak'] as const;
export type Metric = (typeof METRICS)[number];

export interface BestStreak {
  current: number;
  unit: StreakUnit;
  /** The habit's name, or null when it may not be named to this viewer (a private habit). */
  habitName: string | null;
}

export interface MemberFigures {
  userId: string;
  name: string;
  optedOut: boolean;
  goalsCompleted: number;
  /** Sum of the member's progress changes (percentage points) on team goals. */
  contribution: number;
  /** Share of scheduled habit occurrences logged, in [0, 1]; null when none were scheduled. */
  consistency: number | null;
  /** The member's best current habit streak; null without habits. */
  streak: BestStreak | null;
}

export interface BoardRow extends MemberFigures {
  /** Competition rank by the board's metric; null for the viewer's own opted-out row and for no value. */
  rank: number | null;
  isViewer: boolean;
}

export interface Board {
  metric: Metric;
  rows: BoardRow[];
  /** Members ranked on this board (opted-out members are not counted). */
  ranked: number;
}

/** The value a row is ranked by; null: not ranked on this metric (no habits yet). */
export function metricValue(row: MemberFigures, metric: Metric): number | null {
  switch (metric) {
    case 'goalsCompleted':
      return row.goalsCompleted;
    case 'contribution':
      return row.contribution;
    case 'consistency':
      return row.consistency;
    case 'streak':
      return row.streak ? row.streak.current : null;
  }
}

function byName(a: MemberFigures, b: MemberFigures): number {
  return a.name.localeCompare(b.name) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
}

/** Competition ranks of the rows that have a value, highest value first. */
export function competitionRanks(rows: readonly MemberFigures[], metric: Metric): Map<string, number> {
  const valued = rows.flatMap((row) => {
    const value = metricValue(row, metric);
    return value === null ? [] : [{ row, value }];
  });
  valued.sort((a, b) => b.value - a.value || byName(a.row, b.row));
  const ranks = new Map<string, number>();
  valued.forEach((entry, index) => {
    const previous = valued[index - 1];
    ranks.set(entry.row.userId, previous && previous.value === entry.value ? ranks.get(previous.row.userId)! : index + 1);
  });
  return ranks;
}

/**
 * The board `viewerId` sees: everyone who did not opt out, ranked by `metric` (highest first,
 * unranked last), then the viewer's own row if they opted out. With `limit`, the first
 * `limit` rows, plus the viewer's if it falls below them.
 */
export function buildBoard(figures: readonly MemberFigures[], viewerId: string, metric: Metric, limit?: number): Board {
  const listed = figures.filter((row) => !row.optedOut);
  const ranks = competitionRanks(listed, metric);
  const rows: BoardRow[] = listed.map((row) => ({ ...row, rank: ranks.get(row.userId) ?? null, isViewer: row.userId === viewerId }));
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || byName(a, b));
  const own = figures.find((row) => row.userId === viewerId && row.optedOut);
  if (own) rows.push({ ...own, rank: null, isViewer: true });
  let shown = rows;
  if (limit !== undefined && rows.length > limit) {
    shown = rows.slice(0, limit);
    const viewerRow = rows.slice(limit).find((row) => row.isViewer);
    if (viewerRow) shown.push(viewerRow);
  }
  return { metric, rows: shown, ranked: ranks.size };
}
