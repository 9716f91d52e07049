// The arithmetic of measurable goals (Goal.targetValue/currentValue): measurements add up to a
// total, and the total over the target is the goal's progress. Values are binary floats, so
// sums are kept to six decimals (0.1 + 0.2 is stored as 0.3, ten runs of 0.1 km make 1 km)
// and the percentage gets a hair of tolerance before it is floored (0.29 / 1 is 29%, not 28%).

const DECIMALS = 1e6;
const TOLERANCE = 1e-9;

/** The goal's new total after a measurement (negative values are corrections). */
export function addToTotal(total: number, value: number): number {
  return Math.round((total + value) * DECIMALS) / DECIMALS;
}

/** Whole percent of `target` reached by `total`, from 0 to 100 (more than the target is still 100). */
export function progressFor(total: number, target: number): number {
  return Math.min(100, Math.max(0, Math.floor((total / target) * 100 + TOLERANCE)));
}
