// The daily rollup of the request log (ApiUsageDaily): its latency histogram's buckets and the
// percentiles read back from it. Bucket i holds durations in [BOUNDS[i-1], BOUNDS[i]) ms (the
// first from 0, the last without end), the same split as PostgreSQL's width_bucket(ms, BOUNDS),
// which the backfill migration uses: change one, change both (and backfill again).
export const LATENCY_BOUNDS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] as const;

export const BUCKETS = LATENCY_BOUNDS_MS.length + 1;

export const statusClassOf = (status: number) => (status < 400 ? 2 : status < 500 ? 4 : 5);

export function bucketOf(durationMs: number): number {
  const i = LATENCY_BOUNDS_MS.findIndex((bound) => durationMs < bound);
  return i === -1 ? LATENCY_BOUNDS_MS.length : i;
}

/**
 * The q-th percentile (0..1) of a histogram, like percentile_cont over the raw durations but
 * interpolated linearly inside the bucket that holds it, so it is off by at most that bucket's
 * width (the last bucket ends at the slowest request, maxMs). null for an empty histogram.
 */
export function percentileOf(histogram: readonly number[], maxMs: number, q: number): number | null {
  const total = histogram.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = q * (total - 1);
  let before = 0;
  for (let i = 0; i < histogram.length; i++) {
    const n = histogram[i];
    if (n > 0 && rank < before + n) {
      const low = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1];
      const high = Math.min(i < LATENCY_BOUNDS_MS.length ? LATENCY_BOUNDS_MS[i] : maxMs, maxMs);
      return low + (high - low) * ((rank - before + 0.5) / n);
    }
    before += n;
  }
  return maxMs;
}
