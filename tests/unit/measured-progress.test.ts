import { describe, expect, it } from 'vitest';
import { addToTotal, progressFor } from '../../lib/goals/measured-progress.ts';

// The arithmetic of measurable goals on binary floats.

const sum = (values: number[]) => values.reduce(addToTotal, 0);

describe('addToTotal', () => {
  it('keeps sums to six decimals, so float noise never reaches the total', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(addToTotal(0.1, 0.2)).toBe(0.3);
    expect(sum(Array(10).fill(0.1))).toBe(1);
    expect(sum([42.5, 0.7, 0.1])).toBe(43.3);
    expect(sum([1e9, 0.000001])).toBe(1_000_000_000.000001);
  });

  it('takes negative corrections', () => {
    expect(addToTotal(10, -4.2)).toBe(5.8);
    expect(addToTotal(0.3, -0.1)).toBe(0.2);
  });
});

describe('progressFor', () => {
  it('floors to whole percent of the target', () => {
    expect(progressFor(0, 100)).toBe(0);
    expect(progressFor(42.5, 100)).toBe(42);
    expect(progressFor(99.99, 100)).toBe(99);
    expect(progressFor(1, 3)).toBe(33);
    expect(progressFor(2, 3)).toBe(66);
  });

  it('does not lose a percent to float error', () => {
    // 0.29 * 100 is 28.999999999999996 in binary floats.
    expect(0.29 * 100).toBeLessThan(29);
    expect(progressFor(0.29, 1)).toBe(29);
    expect(progressFor(0.1 + 0.2, 0.3)).toBe(100);
    expect(progressFor(0.9999999999999999, 1)).toBe(100);
    expect(progressFor(sum(Array(7).fill(0.1)), 1)).toBe(70);
  });

  it('stays between 0 and 100', () => {
    expect(progressFor(100, 100)).toBe(100);
    expect(progressFor(250, 100)).toBe(100);
    expect(progressFor(-5, 100)).toBe(0);
    expect(progressFor(1e9, 0.000001)).toBe(100);
  });
});
