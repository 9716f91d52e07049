import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRate, BPS_PER_UNIT, cascadeCommissions, proportionalReversal, type CascadeLink } from '../../lib/resellers/commission-cascade.ts';

const rate = fc.integer({ min: 0, max: BPS_PER_UNIT });
const sale = fc.integer({ min: 0, max: 100_000_000_00 });
const chain = fc.array(rate, { minLength: 1, maxLength: 3 }).map((rates) => rates.map((rateBps, i): CascadeLink => ({ resellerId: `r${i}`, rateBps })));

describe('commission cascade', () => {
  it("the issue's worked example: $100, tier-2 seller at 15% under a tier-1 parent at 20% → $15, then 20% of $85 = $17", () => {
    const shares = cascadeCommissions(10_000, [
      { resellerId: 'seller', rateBps: 1500 },
      { resellerId: 'parent', rateBps: 2000 },
    ]);
    expect(shares).toEqual([
      { resellerId: 'seller', level: 0, rateBps: 1500, baseCents: 10_000, amountCents: 1500 },
      { resellerId: 'parent', level: 1, rateBps: 2000, baseCents: 8500, amountCents: 1700 },
    ]);
  });

  it('three levels at the default rates: 10%, then 15% of the rest, then 20% of what remains', () => {
    const shares = cascadeCommissions(9900, [
      { resellerId: 't3', rateBps: 1000 },
      { resellerId: 't2', rateBps: 1500 },
      { resellerId: 't1', rateBps: 2000 },
    ]);
    // 990; 15% of 8910 = 1336.5 → 1336; 20% of 7574 = 1514.8 → 1514
    expect(shares.map((s) => [s.baseCents, s.amountCents])).toEqual([
      [9900, 990],
      [8910, 1336],
      [7574, 1514],
    ]);
  });

  it('rounds each amount down to the cent', () => {
    expect(cascadeCommissions(999, [{ resellerId: 'a', rateBps: 1500 }])[0].amountCents).toBe(149); // 149.85
    expect(cascadeCommissions(1, [{ resellerId: 'a', rateBps: 9999 }])[0].amountCents).toBe(0);
    expect(applyRate(Number.MAX_SAFE_INTEGER, BPS_PER_UNIT)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses fractional cents, negative sales, rates outside 0..100%, chains deeper than 3 and repeated resellers', () => {
    expect(() => cascadeCommissions(10.5, [{ resellerId: 'a', rateBps: 1000 }])).toThrow(RangeError);
    expect(() => cascadeCommissions(-1, [{ resellerId: 'a', rateBps: 1000 }])).toThrow(RangeError);
    expect(() => cascadeCommissions(100, [{ resellerId: 'a', rateBps: 10_001 }])).toThrow(RangeError);
    expect(() => cascadeCommissions(100, [{ resellerId: 'a', rateBps: 12.5 }])).toThrow(RangeError);
    expect(() => cascadeCommissions(100, ['a', 'b', 'c', 'd'].map((resellerId) => ({ resellerId, rateBps: 100 })))).toThrow(RangeError);
    expect(() => cascadeCommissions(100, [{ resellerId: 'a', rateBps: 100 }, { resellerId: 'a', rateBps: 100 }])).toThrow(RangeError);
  });

  describe('properties (fast-check), for any chain of 1 to 3 levels and any sale', () => {
    it('no amount is negative, and every amount and base is an integer number of cents', () => {
      fc.assert(
        fc.property(sale, chain, (cents, links) => {
          for (const share of cascadeCommissions(cents, links)) {
            expect(Number.isSafeInteger(share.amountCents) && share.amountCents >= 0).toBe(true);
            expect(Number.isSafeInteger(share.baseCents) && share.baseCents >= 0).toBe(true);
          }
        }),
      );
    });

    it('the total never exceeds the sale', () => {
      fc.assert(
        fc.property(sale, chain, (cents, links) => {
          const total = cascadeCommissions(cents, links).reduce((sum, share) => sum + share.amountCents, 0);
          expect(total).toBeLessThanOrEqual(cents);
        }),
      );
    });

    it('each amount is floor(rate × base), and each base is the sale minus the amounts below it', () => {
      fc.assert(
        fc.property(sale, chain, (cents, links) => {
          let taken = 0;
          cascadeCommissions(cents, links).forEach((share, level) => {
            expect(share.level).toBe(level);
            expect(share.rateBps).toBe(links[level].rateBps);
            expect(share.baseCents).toBe(cents - taken);
            // Exact integer arithmetic for the reference too.
            expect(BigInt(share.amountCents)).toBe((BigInt(share.baseCents) * BigInt(share.rateBps)) / 10_000n);
            taken += share.amountCents;
          });
        }),
      );
    });

    it('an ancestor never earns more than its rate of the whole sale, and a higher rate never earns less', () => {
      fc.assert(
        fc.property(sale, chain, rate, (cents, links, other) => {
          const shares = cascadeCommissions(cents, links);
          shares.forEach((share) => expect(share.amountCents).toBeLessThanOrEqual(applyRate(cents, share.rateBps)));
          const last = links.length - 1;
          const changed = cascadeCommissions(cents, links.map((link, i) => (i === last ? { ...link, rateBps: other } : link)));
          if (other >= links[last].rateBps) expect(changed[last].amountCents).toBeGreaterThanOrEqual(shares[last].amountCents);
        }),
      );
    });
  });

  describe('proportional reversal', () => {
    it('takes back the refunded proportion, rounded down, and everything once refunds reach the sale', () => {
      expect(proportionalReversal(1500, 10_000, 5000)).toBe(750);
      expect(proportionalReversal(1500, 10_000, 3333)).toBe(499); // 499.95
      expect(proportionalReversal(1500, 10_000, 10_000)).toBe(1500);
      expect(proportionalReversal(1500, 10_000, 12_000)).toBe(1500);
      expect(proportionalReversal(1500, 10_000, 0)).toBe(0);
    });

    it('never takes back more than the commission, and more refund never takes back less', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 10_000_000 }), rate, fc.integer({ min: 0, max: 20_000_000 }), fc.integer({ min: 0, max: 20_000_000 }), (cents, bps, a, b) => {
          const commission = applyRate(cents, bps);
          const [low, high] = a <= b ? [a, b] : [b, a];
          const small = proportionalReversal(commission, cents, low);
          const large = proportionalReversal(commission, cents, high);
          expect(small).toBeGreaterThanOrEqual(0);
          expect(large).toBeLessThanOrEqual(commission);
          expect(large).toBeGreaterThanOrEqual(small);
        }),
      );
    });
  });
});
