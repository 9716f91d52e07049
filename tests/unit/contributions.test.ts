import { describe, expect, it } from 'vitest';
import { contributions, progressFromDeltas, type ProgressDelta } from '../../lib/goals/contributions.ts';
import { formatDateOnly, isoWeekStart, parseDateOnly } from '../../lib/goals/dates.ts';

const ann = (delta: number): ProgressDelta => ({ userId: 'u-ann', name: 'Ann', delta });
const bob = (delta: number): ProgressDelta => ({ userId: 'u-bob', name: 'Bob', delta });
const cy = (delta: number): ProgressDelta => ({ userId: 'u-cy', name: 'Cy', delta });

describe('contributions', () => {
  it('is empty for a goal nobody has moved', () => {
    expect(contributions({ progressLog: [] })).toEqual([]);
    expect(progressFromDeltas([])).toBe(0);
  });

  it('gives a lone contributor everything', () => {
    expect(contributions({ progressLog: [ann(30), ann(25)] })).toEqual([{ userId: 'u-ann', name: 'Ann', contribution: 55, share: 1, sharePercent: 100 }]);
  });

  it('sums each member’s deltas and sorts by contribution, largest first', () => {
    const log = [ann(10), bob(40), ann(15), cy(5)];
    const rows = contributions({ progressLog: log });
    expect(rows.map((r) => [r.userId, r.contribution])).toEqual([
      ['u-bob', 40],
      ['u-ann', 25],
      ['u-cy', 5],
    ]);
    expect(rows.reduce((sum, r) => sum + r.contribution, 0)).toBe(progressFromDeltas(log));
    expect(rows.map((r) => r.share)).toEqual([40 / 70, 25 / 70, 5 / 70]);
  });

  it('counts corrections down against the member who made them', () => {
    // Ann sets 60, Bob 80, Ann corrects to 70.
    const log = [ann(60), bob(20), ann(-10)];
    expect(progressFromDeltas(log)).toBe(70);
    const rows = contributions({ progressLog: log });
    expect(rows).toEqual([
      { userId: 'u-ann', name: 'Ann', contribution: 50, share: 50 / 70, sharePercent: 71 },
      { userId: 'u-bob', name: 'Bob', contribution: 20, share: 20 / 70, sharePercent: 29 },
    ]);
  });

  it('gives a net-negative contributor a zero share and splits among the positive ones', () => {
    // Ann sets 50, Bob corrects to 30: progress 30, Ann +50, Bob -20.
    const rows = contributions({ progressLog: [ann(50), bob(-20)] });
    expect(rows).toEqual([
      { userId: 'u-ann', name: 'Ann', contribution: 50, share: 1, sharePercent: 100 },
      { userId: 'u-bob', name: 'Bob', contribution: -20, share: 0, sharePercent: 0 },
    ]);
  });

  it('gives every share 0 when nothing positive remains', () => {
    const rows = contributions({ progressLog: [ann(10), ann(-10), bob(0)] });
    expect(rows).toEqual([
      { userId: 'u-ann', name: 'Ann', contribution: 0, share: 0, sharePercent: 0 },
      { userId: 'u-bob', name: 'Bob', contribution: 0, share: 0, sharePercent: 0 },
    ]);
    expect(contributions({ progressLog: [ann(20), bob(-20)] }).map((r) => r.share)).toEqual([1, 0]);
  });

  it('rounds display percentages so they add up to exactly 100', () => {
    const thirds = contributions({ progressLog: [ann(10), bob(10), cy(10)] });
    expect(thirds.map((r) => r.share)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    // Equal remainders: the earlier row (by name) takes the spare point.
    expect(thirds.map((r) => r.sharePercent)).toEqual([34, 33, 33]);

    const oneTwo = contributions({ progressLog: [ann(1), bob(2)] });
    expect(oneTwo.map((r) => [r.name, r.sharePercent])).toEqual([
      ['Bob', 67],
      ['Ann', 33],
    ]);

    const sevenths = contributions({ progressLog: Array.from({ length: 7 }, (_, i) => ({ userId: `u${i}`, name: `P${i}`, delta: 1 })) });
    expect(sevenths.reduce((sum, r) => sum + r.sharePercent, 0)).toBe(100);
    expect(sevenths.map((r) => r.sharePercent)).toEqual([15, 15, 14, 14, 14, 14, 14]);
    expect(sevenths.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1, 12);
  });

  it('gives the same answer for raw entries and per-member sums', () => {
    const raw = [ann(5), bob(7), ann(3), bob(-2), cy(9)];
    const summed = [ann(8), bob(5), cy(9)];
    expect(contributions({ progressLog: raw })).toEqual(contributions({ progressLog: summed }));
  });

  it('orders equal contributions by name, then id', () => {
    const rows = contributions({ progressLog: [{ userId: 'z', name: 'Zed', delta: 5 }, { userId: 'b', name: 'Amy', delta: 5 }, { userId: 'a', name: 'Amy', delta: 5 }] });
    expect(rows.map((r) => r.userId)).toEqual(['a', 'b', 'z']);
  });
});

describe('goal dates', () => {
  it('parses only real calendar dates', () => {
    expect(parseDateOnly('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseDateOnly('2023-02-29')).toBeNull();
    expect(parseDateOnly('2024-13-01')).toBeNull();
    expect(parseDateOnly('24-01-01')).toBeNull();
  });

  it('finds the Monday of the ISO week in UTC', () => {
    expect(formatDateOnly(isoWeekStart(new Date('2025-01-01T12:00:00Z')))).toBe('2024-12-30'); // a Wednesday
    expect(formatDateOnly(isoWeekStart(new Date('2025-01-05T23:59:59Z')))).toBe('2024-12-30'); // Sunday: same week
    expect(formatDateOnly(isoWeekStart(new Date('2025-01-06T00:00:00Z')))).toBe('2025-01-06'); // Monday
  });
});
