// How a paid invoice's money divides between the plan and the marketplace apps on it. Pure:
// integer cents in and out, no database, no clock.
//
// An invoice's lines carry amounts before tax, and some of them are discounted or are
// proration credits (negative). What the customer actually paid is amount_paid. So the
// invoice's amount_paid is allocated across the owners of its lines (the plan, and each app),
// in proportion to what each owner's lines net to:
//
//   1. Each line's net = amount − its discounts. A line belongs to an app (its product is the
//      app's Stripe product) or to the plan (every other line: plan, seats, anything else).
//   2. Each owner's weight = the sum of its lines' nets. A negative line (a proration credit)
//      therefore first cancels charges of the SAME owner: a credit for an app's unused time
//      reduces that app's part, never the plan's or another app's.
//   3. An owner whose lines net to zero or less gets nothing (weight 0). Its leftover credit
//      already lowered amount_paid, so it is borne by the other owners in proportion.
//   4. part = floor(amountPaid × weight / Σ weights), exactly (BigInt). The parts never exceed
//      amount_paid; the cents lost to rounding (fewer than the number of owners) are left
//      unallocated: the platform keeps them.
//   5. An invoice without lines, or whose lines all net to zero or less, is all plan
//      (planCents = amountPaid): the reseller rules from before apps had prices.

export interface SplitLine {
  /** The app the line is for; null for the plan (and anything that is not an app). */
  appId: string | null;
  /** The line's net amount in cents (amount − discounts); negative for credits. */
  amountCents: number;
}

export interface AppPart {
  appId: string;
  cents: number;
}

export interface InvoiceSplit {
  planCents: number;
  /** One entry per app with a positive part, in the order apps first appear on the invoice. */
  apps: AppPart[];
  /** Rounding cents allocated to nobody (kept by the platform). */
  unallocatedCents: number;
}

function assertInteger(name: string, value: number, min = Number.MIN_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be an integer number of cents${min === 0 ? ' ≥ 0' : ''}, got ${value}`);
}

/** Allocates `amountPaid` across the plan and the apps of `lines` (rules at the top of this file). */
export function splitInvoice(amountPaid: number, lines: readonly SplitLine[]): InvoiceSplit {
  assertInteger('amountPaid', amountPaid, 0);
  const PLAN = '';
  const weights = new Map<string, bigint>();
  for (const line of lines) {
    assertInteger('line amountCents', line.amountCents);
    const owner = line.appId ?? PLAN;
    weights.set(owner, (weights.get(owner) ?? 0n) + BigInt(line.amountCents));
  }
  const positive = [...weights].filter(([, weight]) => weight > 0n);
  const total = positive.reduce((sum, [, weight]) => sum + weight, 0n);
  if (total === 0n) return { planCents: amountPaid, apps: [], unallocatedCents: 0 };

  let planCents = 0;
  let allocated = 0;
  const apps: AppPart[] = [];
  for (const [owner, weight] of positive) {
    const cents = Number((BigInt(amountPaid) * weight) / total);
    allocated += cents;
    if (owner === PLAN) planCents = cents;
    else if (cents > 0) apps.push({ appId: owner, cents });
  }
  return { planCents, apps, unallocatedCents: amountPaid - allocated };
}
