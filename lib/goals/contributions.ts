// Who moved a goal how far. Goal.progress is the sum of every GoalProgressEntry.delta, so
// summing the same deltas per member splits the progress exactly. Pure: no database here.

export interface ProgressDelta {
  userId: string;
  name: string;
  delta: number;
}

export interface Contribution {
  userId: string;
  name: string;
  /** Sum of the member's deltas; negative when they mostly corrected the progress down. */
  contribution: number;
  /** max(0, contribution) / sum of max(0, every contribution); 0 when nobody is positive. */
  share: number;
  /** share as whole percentages that add up to exactly 100 (largest remainder), for display. */
  sharePercent: number;
}

/** The progress the deltas add up to. */
export function progressFromDeltas(log: readonly Pick<ProgressDelta, 'delta'>[]): number {
  return log.reduce((total, entry) => total + entry.delta, 0);
}

/**
 * Each member's contribution and share, largest contribution first. Entries may be single
 * changes or per-member sums: either way they are added up per userId.
 */
export function contributions(goal: { progressLog: readonly ProgressDelta[] }): Contribution[] {
  const byUser = new Map<string, { userId: string; name: string; contribution: number }>();
  for (const entry of goal.progressLog) {
    const row = byUser.get(entry.userId);
    if (row) row.contribution += entry.delta;
    else byUser.set(entry.userId, { userId: entry.userId, name: entry.name, contribution: entry.delta });
  }
  const rows = [...byUser.values()].sort(
    (a, b) => b.contribution - a.contribution || a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId),
  );
  const positive = rows.map((row) => Math.max(0, row.contribution));
  const total = positive.reduce((sum, value) => sum + value, 0);
  const percents = wholePercents(positive, total);
  return rows.map((row, i) => ({ ...row, share: total === 0 ? 0 : positive[i] / total, sharePercent: percents[i] }));
}

/**
 * Hamilton's largest-remainder method in integer arithmetic: floor every value*100/total,
 * then hand the points still missing to the largest remainders (earlier rows win ties).
 */
function wholePercents(values: readonly number[], total: number): number[] {
  if (total === 0) return values.map(() => 0);
  const floors = values.map((value) => Math.floor((value * 100) / total));
  const missing = 100 - floors.reduce((sum, value) => sum + value, 0);
  const byRemainder = values
    .map((value, index) => ({ index, remainder: (value * 100) % total }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let i = 0; i < missing; i++) floors[byRemainder[i].index] += 1;
  return floors;
}
