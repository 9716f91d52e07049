import { db, Prisma } from '../db/client.ts';
import { MAX_CHAIN_LENGTH, type CascadeShare } from '../resellers/commission-cascade.ts';
import { invoiceEarnings, type AppPayee, type PartnerShare } from './invoice-earnings.ts';
import { lockInvoice, type Tx } from './invoice-lock.ts';

// Crediting a paid invoice: reseller commissions on the plan part, partners' revenue share on
// each app's part (the money rules are in invoice-earnings.ts), as Commission rows.
//
// - Once per invoice, however often invoice.paid arrives and whatever changed in between
//   (rates, fees, the tree): one transaction, holding the invoice's advisory lock, writes every
//   row or sees that the invoice already has sale rows and writes nothing. unique(sourceId,
//   resellerId) and unique(sourceId, partnerId, appId) back this up at the database.
// - Resellers: the client's reseller, its parent and grandparent, with their rates at the
//   moment of payment. A reseller that is not approved (suspended) earns nothing on the
//   invoice: its rate counts as 0, so the levels above get their rate of an undiminished base.
// - Partners: the tier's fee at the moment of payment. A partner earns on its app's sales
//   whatever its status: the workspace paid for the app; payouts (lib/payouts) only pay
//   active partners, so a suspended partner's earnings wait.
// - Rows start pending, available at paidAt + the payee's holdingDays; createdAt is the
//   payment's time, which monthly figures use. Zero amounts are not written.

export interface InvoiceLineInput {
  /** The line's net amount in cents (amount − discounts); negative for proration credits. */
  amountCents: number;
  /** The line's Stripe product: an app's line when it is that app's stripeProductId. */
  productId?: string | null;
  /** Or the app itself, for callers that know it (seed, operator-billed apps). */
  appId?: string | null;
}

export interface CreditInput {
  tenantId: string;
  /** Stripe invoice id: the source of the sale rows. */
  invoiceId: string;
  /** What the client paid on the invoice (amount_paid), in cents. */
  amountCents: number;
  /** The invoice's currency (ISO 4217, Stripe's lower case); default usd. */
  currency?: string;
  /** The plan sold; defaults to the workspace's plan now. */
  planId?: string | null;
  paidAt: Date;
  /** The invoice's lines; without them the whole invoice is the plan's. */
  lines?: InvoiceLineInput[];
}

export interface CreditResult {
  /** Rows written now (0 when the invoice had been credited already, or earns nobody anything). */
  created: number;
  alreadyCredited: boolean;
  shares: CascadeShare[];
  partnerShares: PartnerShare[];
}

interface ChainMember {
  id: string;
  status: string;
  commissionRateBps: number;
  holdingDays: number;
  parentId: string | null;
}

/** The seller and its ancestors, seller first (at most MAX_CHAIN_LENGTH). */
export async function resellerChain(client: Tx | typeof db, sellerId: string): Promise<ChainMember[]> {
  const chain: ChainMember[] = [];
  const seen = new Set<string>();
  for (let id: string | null = sellerId; id && chain.length < MAX_CHAIN_LENGTH && !seen.has(id); ) {
    seen.add(id);
    const row: ChainMember | null = await client.reseller.findUnique({ where: { id }, select: { id: true, status: true, commissionRateBps: true, holdingDays: true, parentId: true } });
    if (!row) break;
    chain.push(row);
    id = row.parentId;
  }
  return chain;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 24 * 60 * 60_000);
}

/** The apps of the invoice's lines, with their partner's fee and holding period now. */
async function appsOfLines(tx: Tx, lines: readonly InvoiceLineInput[]) {
  const productIds = [...new Set(lines.map((line) => line.productId).filter((id): id is string => Boolean(id)))];
  const appIds = [...new Set(lines.map((line) => line.appId).filter((id): id is string => Boolean(id)))];
  if (productIds.length === 0 && appIds.length === 0) return [];
  return tx.marketplaceApp.findMany({
    where: { OR: [{ stripeProductId: { in: productIds } }, { id: { in: appIds } }] },
    select: { id: true, partnerId: true, stripeProductId: true, partner: { select: { holdingDays: true, tier: { select: { platformFeeBps: true } } } } },
  });
}

const NOTHING: CreditResult = { created: 0, alreadyCredited: false, shares: [], partnerShares: [] };

/** Credits a paid invoice's resellers and partners, once (rules at the top of this file). */
export async function creditCommissionsForInvoice(input: CreditInput): Promise<CreditResult> {
  const { tenantId, invoiceId, amountCents, paidAt } = input;
  const lines = input.lines ?? [];
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) throw new RangeError(`amountCents must be a non-negative integer, got ${amountCents}`);
  for (const line of lines) if (!Number.isSafeInteger(line.amountCents)) throw new RangeError(`a line's amountCents must be an integer, got ${line.amountCents}`);
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { resellerId: true, plan: true } });
  const mayHaveApps = lines.some((line) => line.productId || line.appId);
  if (!tenant || amountCents === 0 || (!tenant.resellerId && !mayHaveApps)) return NOTHING;
  const planId = input.planId ?? tenant.plan;

  return db.$transaction(async (tx) => {
    await lockInvoice(tx, invoiceId);
    if ((await tx.commission.count({ where: { invoiceId, kind: 'sale' } })) > 0) return { ...NOTHING, alreadyCredited: true };

    const chain = tenant.resellerId ? await resellerChain(tx, tenant.resellerId) : [];
    const apps = await appsOfLines(tx, lines);
    const appOfProduct = new Map(apps.filter((app) => app.stripeProductId).map((app) => [app.stripeProductId!, app.id]));
    const appIds = new Set(apps.map((app) => app.id));
    const splitLines = lines.map((line) => ({
      amountCents: line.amountCents,
      appId: (line.appId && appIds.has(line.appId) ? line.appId : null) ?? (line.productId ? (appOfProduct.get(line.productId) ?? null) : null),
    }));
    const payees: AppPayee[] = apps.map((app) => ({ appId: app.id, partnerId: app.partnerId, platformFeeBps: app.partner.tier.platformFeeBps }));
    const earnings = invoiceEarnings(
      amountCents,
      splitLines,
      payees,
      chain.map((member) => ({ resellerId: member.id, rateBps: member.status === 'approved' ? member.commissionRateBps : 0 })),
    );

    const sale = { tenantId, sourceId: invoiceId, invoiceId, kind: 'sale', saleCents: amountCents, currency: (input.currency ?? 'usd').toLowerCase(), status: 'pending' as const, createdAt: paidAt };
    const holdingOfReseller = new Map(chain.map((member) => [member.id, member.holdingDays]));
    const holdingOfApp = new Map(apps.map((app) => [app.id, app.partner.holdingDays]));
    const rows: Prisma.CommissionCreateManyInput[] = [
      ...earnings.resellers
        .filter((share) => share.amountCents > 0)
        .map((share) => ({
          ...sale,
          resellerId: share.resellerId,
          planId,
          baseCents: share.baseCents,
          rateBps: share.rateBps,
          amountCents: share.amountCents,
          level: share.level,
          availableAt: addDays(paidAt, holdingOfReseller.get(share.resellerId)!),
        })),
      ...earnings.partners
        .filter((share) => share.amountCents > 0)
        .map((share) => ({
          ...sale,
          partnerId: share.partnerId,
          appId: share.appId,
          planId: null,
          baseCents: share.baseCents,
          rateBps: share.rateBps,
          amountCents: share.amountCents,
          level: 0,
          availableAt: addDays(paidAt, holdingOfApp.get(share.appId)!),
        })),
    ];
    if (rows.length === 0) return { ...NOTHING, shares: earnings.resellers, partnerShares: earnings.partners };
    const { count } = await tx.commission.createMany({ data: rows, skipDuplicates: true });
    return { created: count, alreadyCredited: false, shares: earnings.resellers, partnerShares: earnings.partners };
  });
}
