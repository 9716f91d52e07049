// Streak milestones. Pure and free of server code: the habit pages use them for badges.

export const STREAK_MILESTONES = [7, 30, 100] as const;
export type StreakMilestone = (typeof STREAK_MILESTONES)[number];

/** The highest milestone a streak has reached, for the badge; null below the first. */
export function milestoneFor(streak: number): StreakMilestone | null {
  let reached: StreakMilestone | null = null;
  for (const milestone of STREAK_MILESTONES) if (streak >= milestone) reached = milestone;
  return reached;
}

/**
 * The milestones a change of the current streak from `before` to `after` reaches. Usually
 * one step (6 → 7), but logging a missed day can join two runs and jump past a milestone
 * (5 → 9): that reaches 7 as well, so it is reported rather than silently skipped.
 */
export function milestonesReached(before: number, after: number): StreakMilestone[] {
  return STREAK_MILESTONES.filter((milestone) => before < milestone && milestone <= after);
}
