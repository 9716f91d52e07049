import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertMoveAllowed, assertNoCycle, assertRateAllowed, childTier, defaultRateBps, HierarchyError, MAX_TIER, type TreeNode } from '../../lib/resellers/hierarchy.ts';

function code(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof HierarchyError) return error.code;
    throw error;
  }
}

describe('reseller hierarchy rules', () => {
  it('tiers: the platform recruits tier 1, tier 1 recruits tier 2, tier 2 recruits tier 3, tier 3 nobody', () => {
    expect(childTier(null)).toBe(1);
    expect(childTier({ tier: 1 })).toBe(2);
    expect(childTier({ tier: 2 })).toBe(3);
    expect(code(() => childTier({ tier: 3 }))).toBe('too_deep');
    expect(MAX_TIER).toBe(3);
  });

  it('default rates are 20%, 15%, 10%, capped by the parent rate', () => {
    expect(defaultRateBps(1, null)).toBe(2000);
    expect(defaultRateBps(2, 2000)).toBe(1500);
    expect(defaultRateBps(3, 1500)).toBe(1000);
    expect(defaultRateBps(2, 1200)).toBe(1200);
    expect(defaultRateBps(3, 800)).toBe(800);
  });

  it('a rate is within 0..100%, never above the parent rate, never below a sub-reseller rate', () => {
    expect(code(() => assertRateAllowed(2000, null))).toBeNull();
    expect(code(() => assertRateAllowed(2000, 2000))).toBeNull();
    expect(code(() => assertRateAllowed(2001, 2000))).toBe('rate_above_parent');
    expect(code(() => assertRateAllowed(-1, null))).toBe('rate_out_of_range');
    expect(code(() => assertRateAllowed(10_001, null))).toBe('rate_out_of_range');
    expect(code(() => assertRateAllowed(12.5, null))).toBe('rate_out_of_range');
    expect(code(() => assertRateAllowed(1400, null, [1000, 1500]))).toBe('rate_below_children');
    expect(code(() => assertRateAllowed(1500, null, [1000, 1500]))).toBeNull();
  });

  it('any allowed rate keeps the chain non-increasing from parent to child (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: -100, max: 10_100 }), (parent, child) => {
        const allowed = code(() => assertRateAllowed(child, parent)) === null;
        expect(allowed).toBe(child >= 0 && child <= parent);
      }),
    );
  });

  describe('cycles', () => {
    const parents: Record<string, string | null> = { t1: null, t2: 't1', t3: 't2', other1: null, other2: 'other1' };
    const parentOf = (id: string) => parents[id];

    it('refuses a reseller under itself or under any of its descendants', () => {
      expect(code(() => assertNoCycle('t1', 't1', parentOf))).toBe('cycle');
      expect(code(() => assertNoCycle('t1', 't2', parentOf))).toBe('cycle');
      expect(code(() => assertNoCycle('t1', 't3', parentOf))).toBe('cycle');
      expect(code(() => assertNoCycle('t2', 't3', parentOf))).toBe('cycle');
      expect(code(() => assertNoCycle('t2', 'other1', parentOf))).toBeNull();
    });

    it('refuses to build on a tree that already has a loop', () => {
      const looped: Record<string, string> = { a: 'b', b: 'a' };
      expect(code(() => assertNoCycle('x', 'a', (id) => looped[id]))).toBe('cycle');
    });

    it('moves only one tier below the new parent, within its rate', () => {
      const node: TreeNode = { id: 't2', tier: 2, parentId: 't1', commissionRateBps: 1500 };
      expect(code(() => assertMoveAllowed(node, { id: 'other1', tier: 1, parentId: null, commissionRateBps: 2000 }, parentOf))).toBeNull();
      expect(code(() => assertMoveAllowed(node, { id: 'other2', tier: 2, parentId: 'other1', commissionRateBps: 2000 }, parentOf))).toBe('tier_mismatch');
      expect(code(() => assertMoveAllowed(node, { id: 'other1', tier: 1, parentId: null, commissionRateBps: 1000 }, parentOf))).toBe('rate_above_parent');
      expect(code(() => assertMoveAllowed({ id: 't1', tier: 1, parentId: null, commissionRateBps: 2000 }, { id: 't3', tier: 3, parentId: 't2', commissionRateBps: 1000 }, parentOf))).toBe('cycle');
    });
  });
});
