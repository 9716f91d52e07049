import { applyRate, BPS_PER_UNIT, cascadeCommissions, type CascadeLink, type CascadeShare } from '../resellers/commission-cascade.ts';
import { splitInvoice, type InvoiceSplit, type SplitLine } from './invoice-split.ts';

// Who earns what on one paid invoice. Pure: integer cents, no database, no clock.
//
// - The invoice's amount_paid is split between the plan and each app (invoice-split.ts).
// - Each app's partner earns floor(appPart × (10000 − platformFeeBps) / 10000): its tier's
//   fee is what the platform keeps of the app's money (the floor's fraction of a cent too).
// - The reseller cascade (commission-cascade.ts) applies to the plan part only: a reseller
//   sells the plan, not the apps a workspace adds.
// - The platform keeps the rest: amountPaid − resellers − partners, never negative, because
//   each side takes at most its own part and the parts never exceed amount_paid.

export interface AppPayee {
  appId: string;
  partnerId: string;
  /** The platform's fee on the app's money, in basis points (the partner's tier). */
  platformFeeBps: number;
}

export interface PartnerShare {
  appId: string;
  partnerId: string;
  /** The part of the invoice paid for the app. */
  baseCents: number;
  /** The partner's share: 10000 − the platform's fee. */
  rateBps: number;
  amountCents: number;
}

export interface InvoiceEarnings {
  split: InvoiceSplit;
  /** One per link of the chain (zero amounts included), on the plan part. */
  resellers: CascadeShare[];
  /** One per app with a part (zero amounts included). */
  partners: PartnerShare[];
  platformCents: number;
}

/** The partner's share of an app's money, in basis points, from the platform's fee. */
export function partnerRateBps(platformFeeBps: number): number {
  if (!Number.isInteger(platformFeeBps) || platformFeeBps < 0 || platformFeeBps > BPS_PER_UNIT) {
    throw new RangeError(`a platform fee must be an integer number of basis points in 0..${BPS_PER_UNIT}, got ${platformFeeBps}`);
  }
  return BPS_PER_UNIT - platformFeeBps;
}

/**
 * Everyone's share of an invoice of `amountPaid`. `lines` name their app by id (lines of
 * products that are no app's are the plan's); `apps` gives each app's partner and fee; an app
 * line whose app is not in `apps` counts as the plan's (nobody to pay it to).
 */
export function invoiceEarnings(amountPaid: number, lines: readonly SplitLine[], apps: readonly AppPayee[], chain: readonly CascadeLink[]): InvoiceEarnings {
  const payees = new Map(apps.map((app) => [app.appId, app]));
  const known = lines.map((line) => (line.appId && payees.has(line.appId) ? line : { ...line, appId: null }));
  const split = splitInvoice(amountPaid, known);
  const partners = split.apps.map(({ appId, cents }): PartnerShare => {
    const payee = payees.get(appId)!;
    const rateBps = partnerRateBps(payee.platformFeeBps);
    return { appId, partnerId: payee.partnerId, baseCents: cents, rateBps, amountCents: applyRate(cents, rateBps) };
  });
  const resellers = chain.length > 0 ? cascadeCommissions(split.planCents, chain) : [];
  const paid = [...resellers, ...partners].reduce((sum, share) => sum + share.amountCents, 0);
  return { split, resellers, partners, platformCents: amountPaid - paid };
}
