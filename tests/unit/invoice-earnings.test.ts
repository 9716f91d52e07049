import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceEarnings, partnerRateBps, type AppPayee } from '../../lib/earnings/invoice-earnings.ts';
import { splitInvoice, type SplitLine } from '../../lib/earnings/invoice-split.ts';
import { nextReversal } from '../../lib/earnings/reversal-rule.ts';
import { BPS_PER_UNIT, type CascadeLink } from '../../lib/resellers/commission-cascade.ts';

// The money of one paid invoice: the split between the plan and the apps, partners' revenue
// share next to the reseller cascade, and refunds taking both back. Worked examples first,
// then properties over random invoices (fast-check).

describe('splitting an invoice between the plan and its apps', () => {
  it('allocates amount_paid (tax included) in proportion to the lines', () => {
    // Plan $99 + app A $20 + app B $10, 10% tax: amount_paid $141.90.
    const split = splitInvoice(14_190, [
      { appId: null, amountCents: 9900 },
      { appId: 'a', amountCents: 2000 },
      { appId: 'b', amountCents: 1000 },
    ]);
    expect(split).toEqual({ planCents: 10_890, apps: [{ appId: 'a', cents: 2200 }, { appId: 'b', cents: 1100 }], unallocatedCents: 0 });
  });

  it('rounds each part down; the cents lost stay unallocated', () => {
    const split = splitInvoice(100, [
      { appId: null, amountCents: 1 },
      { appId: 'a', amountCents: 1 },
      { appId: 'b', amountCents: 1 },
    ]);
    expect(split).toEqual({ planCents: 33, apps: [{ appId: 'a', cents: 33 }, { appId: 'b', cents: 33 }], unallocatedCents: 1 });
  });

  it("a proration credit reduces its own app's part first, never the plan's", () => {
    // App A downgraded mid-period: −$5 unused time, +$20 new price → A nets $15.
    const split = splitInvoice(11_400, [
      { appId: null, amountCents: 9900 },
      { appId: 'a', amountCents: -500 },
      { appId: 'a', amountCents: 2000 },
    ]);
    expect(split).toEqual({ planCents: 9900, apps: [{ appId: 'a', cents: 1500 }], unallocatedCents: 0 });
  });

  it('an app whose lines net to zero or less gets nothing; its leftover credit is borne by the others in proportion', () => {
    // App A removed: −$10 credit only. The plan paid $99 − $10 = $89.
    const split = splitInvoice(8900, [
      { appId: null, amountCents: 9900 },
      { appId: 'a', amountCents: -1000 },
    ]);
    expect(split).toEqual({ planCents: 8900, apps: [], unallocatedCents: 0 });
  });

  it('an invoice without lines, or whose lines net to nothing, is all plan', () => {
    expect(splitInvoice(9900, [])).toEqual({ planCents: 9900, apps: [], unallocatedCents: 0 });
    expect(splitInvoice(500, [{ appId: 'a', amountCents: -100 }])).toEqual({ planCents: 500, apps: [], unallocatedCents: 0 });
  });

  it('refuses fractional or negative amounts paid and fractional lines', () => {
    expect(() => splitInvoice(-1, [])).toThrow(RangeError);
    expect(() => splitInvoice(10.5, [])).toThrow(RangeError);
    expect(() => splitInvoice(100, [{ appId: null, amountCents: 1.5 }])).toThrow(RangeError);
  });
});

describe("partners' revenue share and reseller commissions on one invoice", () => {
  const apps: AppPayee[] = [
    { appId: 'a', partnerId: 'p1', platformFeeBps: 2000 },
    { appId: 'b', partnerId: 'p2', platformFeeBps: 1500 },
  ];
  const lines: SplitLine[] = [
    { appId: null, amountCents: 9900 },
    { appId: 'a', amountCents: 2000 },
    { appId: 'b', amountCents: 1000 },
  ];

  it('pays each partner its share of its app part and the resellers on the plan part only', () => {
    const earnings = invoiceEarnings(14_190, lines, apps, [
      { resellerId: 'seller', rateBps: 1500 },
      { resellerId: 'parent', rateBps: 2000 },
    ]);
    expect(earnings.partners).toEqual([
      { appId: 'a', partnerId: 'p1', baseCents: 2200, rateBps: 8000, amountCents: 1760 },
      { appId: 'b', partnerId: 'p2', baseCents: 1100, rateBps: 8500, amountCents: 935 },
    ]);
    // 15% of 10890 = 1633.5 → 1633; 20% of 9257 = 1851.4 → 1851.
    expect(earnings.resellers.map((share) => [share.resellerId, share.baseCents, share.amountCents])).toEqual([
      ['seller', 10_890, 1633],
      ['parent', 9257, 1851],
    ]);
    expect(earnings.platformCents).toBe(14_190 - 1760 - 935 - 1633 - 1851);
  });

  it('an app line whose app is unknown counts as the plan', () => {
    const earnings = invoiceEarnings(3000, [{ appId: null, amountCents: 1000 }, { appId: 'gone', amountCents: 2000 }], apps, []);
    expect(earnings.split.planCents).toBe(3000);
    expect(earnings.partners).toEqual([]);
  });

  it('refuses a fee outside 0..100%', () => {
    expect(partnerRateBps(2000)).toBe(8000);
    expect(() => partnerRateBps(10_001)).toThrow(RangeError);
    expect(() => partnerRateBps(-1)).toThrow(RangeError);
    expect(() => partnerRateBps(12.5)).toThrow(RangeError);
  });
});

// ─── Properties ───

const fee = fc.integer({ min: 0, max: BPS_PER_UNIT });
const rate = fc.integer({ min: 0, max: BPS_PER_UNIT });

/** A random invoice: a plan line, 0–4 apps with 1–3 lines each (credits included), tax or a discount on top. */
const invoice = fc
  .record({
    plan: fc.integer({ min: 0, max: 10_000_000 }),
    apps: fc.array(fc.record({ lines: fc.array(fc.integer({ min: -50_000, max: 5_000_000 }), { minLength: 1, maxLength: 3 }), fee }), { maxLength: 4 }),
    // amount_paid relative to the lines: a discount (< 1) or tax (> 1).
    factorPermille: fc.integer({ min: 0, max: 1300 }),
    chain: fc.array(rate, { maxLength: 3 }),
  })
  .map(({ plan, apps, factorPermille, chain }) => {
    const lines: SplitLine[] = [{ appId: null, amountCents: plan }, ...apps.flatMap((app, i) => app.lines.map((amountCents) => ({ appId: `app${i}`, amountCents })))];
    const net = Math.max(0, lines.reduce((sum, line) => sum + line.amountCents, 0));
    return {
      amountPaid: Math.floor((net * factorPermille) / 1000),
      lines,
      payees: apps.map((app, i): AppPayee => ({ appId: `app${i}`, partnerId: `partner${i % 2}`, platformFeeBps: app.fee })),
      chain: chain.map((rateBps, i): CascadeLink => ({ resellerId: `r${i}`, rateBps })),
    };
  });

const isCents = (value: number) => Number.isSafeInteger(value) && value >= 0;

describe('properties of an invoice (fast-check)', () => {
  it('the split: every part an exact non-negative integer, parts + unallocated = amount_paid, fewer lost cents than owners', () => {
    fc.assert(
      fc.property(invoice, ({ amountPaid, lines }) => {
        const split = splitInvoice(amountPaid, lines);
        const parts = [split.planCents, ...split.apps.map((app) => app.cents)];
        expect(parts.every(isCents) && isCents(split.unallocatedCents)).toBe(true);
        expect(parts.reduce((a, b) => a + b, 0) + split.unallocatedCents).toBe(amountPaid);
        expect(split.unallocatedCents).toBeLessThan(Math.max(1, new Set(lines.map((line) => line.appId)).size));
        // An app whose lines net to zero or less gets nothing.
        for (const { appId } of split.apps) expect(lines.filter((line) => line.appId === appId).reduce((sum, line) => sum + line.amountCents, 0)).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('revenue share + reseller commissions never exceed the sale; the platform keeps the rest (≥ 0); each share is floor(rate × base)', () => {
    fc.assert(
      fc.property(invoice, ({ amountPaid, lines, payees, chain }) => {
        const earnings = invoiceEarnings(amountPaid, lines, payees, chain);
        const shares = [...earnings.resellers, ...earnings.partners];
        expect(shares.every((share) => isCents(share.amountCents) && isCents(share.baseCents))).toBe(true);
        const resellers = earnings.resellers.reduce((sum, share) => sum + share.amountCents, 0);
        const partners = earnings.partners.reduce((sum, share) => sum + share.amountCents, 0);
        expect(resellers).toBeLessThanOrEqual(earnings.split.planCents);
        for (const share of earnings.partners) {
          const payee = payees.find((p) => p.appId === share.appId)!;
          expect(share.rateBps).toBe(BPS_PER_UNIT - payee.platformFeeBps);
          expect(BigInt(share.amountCents)).toBe((BigInt(share.baseCents) * BigInt(share.rateBps)) / 10_000n);
        }
        expect(resellers + partners).toBeLessThanOrEqual(amountPaid);
        expect(earnings.platformCents).toBe(amountPaid - resellers - partners);
        expect(isCents(earnings.platformCents)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  /** Refund cents summing to at most amount_paid; `full` makes the last one bring the total to amount_paid. */
  const refunds = (amountPaid: number) =>
    fc.record({ parts: fc.array(fc.integer({ min: 1, max: Math.max(1, amountPaid) }), { maxLength: 5 }), full: fc.boolean() }).map(({ parts, full }) => {
      const out: number[] = [];
      let left = amountPaid;
      for (const part of parts) {
        const cents = Math.min(part, left);
        if (cents > 0) out.push(cents);
        left -= cents;
      }
      if (full && left > 0) out.push(left);
      return out;
    });

  it('refunds reverse both sides: never more than credited, exactly proportional, and a full refund nets every row to zero', () => {
    fc.assert(
      fc.property(
        invoice.filter((x) => x.amountPaid > 0).chain((x) => fc.record({ x: fc.constant(x), refunds: refunds(x.amountPaid), paid: fc.boolean() })),
        ({ x, refunds: sequence, paid }) => {
          const earnings = invoiceEarnings(x.amountPaid, x.lines, x.payees, x.chain);
          const credited = [...earnings.resellers, ...earnings.partners].map((share) => share.amountCents).filter((cents) => cents > 0);
          for (const amountCents of credited) {
            const row = { amountCents, saleCents: x.amountPaid, unpaid: !paid };
            let refunded = 0;
            let taken = 0;
            let reversed = false;
            for (const cents of sequence) {
              if (reversed) break;
              const step = nextReversal(row, { refundedBeforeCents: refunded, takenBeforeCents: taken }, cents);
              expect(isCents(step.takeCents)).toBe(true);
              refunded += cents;
              taken += step.takeCents;
              reversed = step.kind === 'full';
              expect(taken).toBeLessThanOrEqual(amountCents);
              // Taken so far: exactly the refunded proportion, rounded down (all of it once refunded in full).
              expect(BigInt(taken)).toBe(refunded >= x.amountPaid ? BigInt(amountCents) : (BigInt(amountCents) * BigInt(refunded)) / BigInt(x.amountPaid));
            }
            if (refunded >= x.amountPaid) {
              expect(amountCents - taken).toBe(0);
              expect(reversed).toBe(!paid);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
