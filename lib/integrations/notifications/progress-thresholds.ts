// Team goals announce progress when it crosses a quarter: 25, 50, 75 and 100%.

export const PROGRESS_THRESHOLDS = [25, 50, 75, 100] as const;

/**
 * The highest threshold a change from `from` to `to` crossed upwards, or null. A jump from 10
 * to 80 announces 75 only: one message per change, the news being where it is now. Going down
 * announces nothing (and going back up crosses again, which is news again).
 */
export function crossedThreshold(from: number, to: number): number | null {
  let crossed: number | null = null;
  for (const threshold of PROGRESS_THRESHOLDS) if (from < threshold && to >= threshold) crossed = threshold;
  return crossed;
}

/** changes.progress of a goal.updated payload ({ from, to }), when it holds two numbers. */
export function progressChange(changes: unknown): { from: number; to: number } | null {
  if (!changes || typeof changes !== 'object') return null;
  const progress = (changes as Record<string, unknown>).progress;
  if (!progress || typeof progress !== 'object') return null;
  const { from, to } = progress as Record<string, unknown>;
  return typeof from === 'number' && typeof to === 'number' ? { from, to } : null;
}
