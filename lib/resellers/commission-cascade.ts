// The commission cascade: how one client payment is shared up a reseller chain. Pure: no
// database, no clock, integer cents in and out.
//
// The selling reseller (level 0) earns its rate on the sale. Each ancestor (level 1, 2) earns
// its rate on what remains of the sale after the commissions of every level below it:
//
//   $100.00 sold by a tier-2 reseller at 15% under a tier-1 parent at 20%
//   level 0: base 10000 × 1500 bps = 1500
//   level 1: base 10000 − 1500 = 8500 × 2000 bps = 1700
//
// Rounding rule (the only one): each amount is rounded DOWN to the cent,
//   amount = floor(base × rateBps / 10000)
// computed exactly in integers (BigInt, so no floating point and no overflow), and each base
// is the sale minus the amounts already taken below. Since every rate is at most 100%, every
// amount is between 0 and its base, every base is non-negative, and the sum of the amounts
// never exceeds the sale. The fractions of a cent left over stay with the platform.

export const BPS_PER_UNIT = 10_000;

/** The deepest a chain goes: seller, parent, grandparent (tiers 3 → 2 → 1). */
export const MAX_CHAIN_LENGTH = 3;

export interface CascadeLink {
  resellerId: string;
  /** Basis points, 0..10000 (2000 = 20%). */
  rateBps: number;
}

export interface CascadeShare {
  resellerId: string;
  /** 0: the seller; 1: its parent; 2: the grandparent. */
  level: number;
  rateBps: number;
  /** What the rate applied to: the sale minus the commissions of the levels below. */
  baseCents: number;
  amountCents: number;
}

/** floor(cents × rateBps / 10000), exactly. Both non-negative integers. */
export function applyRate(cents: number, rateBps: number): number {
  return Number((BigInt(cents) * BigInt(rateBps)) / BigInt(BPS_PER_UNIT));
}

function assertCents(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer number of cents, got ${value}`);
}

function assertRate(rateBps: number): void {
  if (!Number.isInteger(rateBps) || rateBps < 0 || rateBps > BPS_PER_UNIT) throw new RangeError(`a commission rate must be an integer number of basis points in 0..${BPS_PER_UNIT}, got ${rateBps}`);
}

/**
 * Each level's share of a sale of `saleCents`, for `chain` ordered from the seller up
 * ([seller, parent, grandparent]). Returns one share per link, in the same order, zero
 * amounts included (the caller decides whether to record them).
 */
export function cascadeCommissions(saleCents: number, chain: readonly CascadeLink[]): CascadeShare[] {
  assertCents('saleCents', saleCents);
  if (chain.length > MAX_CHAIN_LENGTH) throw new RangeError(`a reseller chain has at most ${MAX_CHAIN_LENGTH} levels, got ${chain.length}`);
  const seen = new Set<string>();
  const shares: CascadeShare[] = [];
  let remaining = saleCents;
  chain.forEach((link, level) => {
    assertRate(link.rateBps);
    if (seen.has(link.resellerId)) throw new RangeError(`reseller ${link.resellerId} appears twice in one chain`);
    seen.add(link.resellerId);
    const baseCents = remaining;
    const amountCents = applyRate(baseCents, link.rateBps);
    shares.push({ resellerId: link.resellerId, level, rateBps: link.rateBps, baseCents, amountCents });
    remaining = baseCents - amountCents;
  });
  return shares;
}

/**
 * The part of a commission to take back when `refundedCents` of a sale of `saleCents` has been
 * refunded or credited in total so far: floor(commission × refunded / sale), and the whole
 * commission once the refunds reach the sale. Rounded down like the cascade, so a partial
 * refund never takes back more than its proportion.
 */
export function proportionalReversal(commissionCents: number, saleCents: number, refundedCents: number): number {
  assertCents('commissionCents', commissionCents);
  assertCents('saleCents', saleCents);
  assertCents('refundedCents', refundedCents);
  if (saleCents === 0 || refundedCents >= saleCents) return commissionCents;
  return Number((BigInt(commissionCents) * BigInt(refundedCents)) / BigInt(saleCents));
}
