// The rules of the reseller tree, as pure functions (resellers.ts applies them under row locks).
//
// - Tier 1 resellers are created by the platform operator and have no parent.
// - A tier-1 may recruit tier-2 sub-resellers, a tier-2 may recruit tier-3; a tier-3 recruits
//   nobody. A reseller's tier is always its parent's tier + 1.
// - Because tiers strictly increase from parent to child, a reseller can never be its own
//   ancestor: a cycle would need a tier greater than itself. assertNoCycle() checks the
//   ancestry anyway before any change of parent, so a corrupt row cannot start one.
// - Default rates: 20% (tier 1), 15% (tier 2), 10% (tier 3), never above the parent's own
//   rate. The operator may set any reseller's rate; a parent may set the rates of its own
//   direct sub-resellers. Either way a rate stays within 0..parent's rate, and not below the
//   rate of any of the reseller's own sub-resellers (lower theirs first).
import { BPS_PER_UNIT } from './commission-cascade.ts';

export const MAX_TIER = 3;

export const DEFAULT_RATE_BPS: Readonly<Record<number, number>> = { 1: 2000, 2: 1500, 3: 1000 };

export class HierarchyError extends Error {
  constructor(
    readonly code: 'too_deep' | 'cycle' | 'rate_above_parent' | 'rate_below_children' | 'rate_out_of_range' | 'tier_mismatch' | 'not_approved',
    message: string,
  ) {
    super(message);
  }
}

export interface TreeNode {
  id: string;
  tier: number;
  parentId: string | null;
  commissionRateBps: number;
}

/** The tier of a reseller recruited by `parent` (null: recruited by the platform). */
export function childTier(parent: Pick<TreeNode, 'tier'> | null): number {
  const tier = parent ? parent.tier + 1 : 1;
  if (tier > MAX_TIER) throw new HierarchyError('too_deep', `A tier-${MAX_TIER} reseller cannot recruit sub-resellers: the network is at most ${MAX_TIER} tiers deep.`);
  return tier;
}

/** The starting rate of a new reseller of `tier` under a parent with `parentRateBps` (null: none). */
export function defaultRateBps(tier: number, parentRateBps: number | null): number {
  const rate = DEFAULT_RATE_BPS[tier];
  if (rate === undefined) throw new HierarchyError('too_deep', `There is no tier ${tier}.`);
  return parentRateBps === null ? rate : Math.min(rate, parentRateBps);
}

/** Refuses a rate outside 0..100%, above the parent's own rate, or below a sub-reseller's rate. */
export function assertRateAllowed(rateBps: number, parentRateBps: number | null, childRatesBps: readonly number[] = []): void {
  if (!Number.isInteger(rateBps) || rateBps < 0 || rateBps > BPS_PER_UNIT) throw new HierarchyError('rate_out_of_range', 'A commission rate is between 0% and 100%, in steps of 0.01%.');
  if (parentRateBps !== null && rateBps > parentRateBps) {
    throw new HierarchyError('rate_above_parent', `A sub-reseller's rate cannot be above its parent's own rate (${formatBps(parentRateBps)}).`);
  }
  const highestChild = childRatesBps.length ? Math.max(...childRatesBps) : null;
  if (highestChild !== null && rateBps < highestChild) {
    throw new HierarchyError('rate_below_children', `One of this reseller's sub-resellers earns ${formatBps(highestChild)}; lower theirs first, since a rate is never above the parent's.`);
  }
}

/**
 * Refuses to make `newParentId` the parent of `resellerId` when that would put the reseller
 * among its own ancestors. `parentOf` answers each reseller's current parent.
 */
export function assertNoCycle(resellerId: string, newParentId: string | null, parentOf: (id: string) => string | null | undefined): void {
  const seen = new Set<string>();
  for (let id: string | null | undefined = newParentId; id; id = parentOf(id)) {
    if (id === resellerId) throw new HierarchyError('cycle', 'A reseller cannot be placed under itself or under one of its own sub-resellers.');
    if (seen.has(id)) throw new HierarchyError('cycle', 'The reseller tree has a loop; fix it before moving anyone.');
    seen.add(id);
    if (seen.size > MAX_TIER + 1) throw new HierarchyError('too_deep', `The network is at most ${MAX_TIER} tiers deep.`);
  }
}

/**
 * Checks a move of `node` under `newParent` (the operator's tool to re-home a sub-reseller):
 * no cycle, same tier (so its own sub-resellers keep theirs), rate within the new parent's.
 */
export function assertMoveAllowed(node: TreeNode, newParent: TreeNode, parentOf: (id: string) => string | null | undefined): void {
  assertNoCycle(node.id, newParent.id, parentOf);
  if (newParent.tier !== node.tier - 1) {
    throw new HierarchyError('tier_mismatch', `A tier-${node.tier} reseller can only be placed under a tier-${node.tier - 1} reseller.`);
  }
  assertRateAllowed(node.commissionRateBps, newParent.commissionRateBps);
}

export function formatBps(bps: number): string {
  const percent = bps / 100;
  return `${Number.isInteger(percent) ? percent : percent.toFixed(2)}%`;
}
