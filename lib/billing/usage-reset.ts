import { db, Prisma } from '../db/client.ts';
import { billingPeriod, type SubscriptionPeriod } from './usage.ts';

// The monthly usage reset, run hourly by the 'billing.reset_usage' cron (billing periods
// start at any hour: Stripe's anchor). For every workspace, each UsagePeriod that has ended
// (periodEnd <= now, not yet closed) is closed, and the workspace's current period is opened
// (periodStart = the previous periodEnd in the normal case). Periods come from billingPeriod()
// in usage.ts, which the usage counter uses too, so both agree on periodStart.
//
// Safe to run twice or at once on several workers: rows are claimed with FOR UPDATE SKIP
// LOCKED and closed only while closedAt IS NULL; the next period is inserted with ON
// CONFLICT DO NOTHING on (tenantId, metric, periodStart). Counts are never touched: a closed
// period keeps its value (and reportedValue) for reporting to Stripe and for history.

export interface ResetUsageOptions {
  /** Rows claimed per transaction. */
  batchSize?: number;
  /** Only these workspaces (one workspace's reset, and tests); default: every workspace. */
  tenantIds?: string[];
}

export interface ResetUsageResult {
  /** Periods closed. */
  closed: number;
  /** New periods opened (a period the counter had already opened is not counted). */
  opened: number;
  /** Periods whose end moved later instead (Stripe's period for them is longer than recorded). */
  extended: number;
}

interface EndedRow {
  id: string;
  tenantId: string;
  metric: string;
  periodStart: Date;
}

/** Batches until nothing has ended; each batch is one transaction. */
export async function resetUsagePeriods(now: Date = new Date(), options: ResetUsageOptions = {}): Promise<ResetUsageResult> {
  const batchSize = options.batchSize ?? 500;
  const total: ResetUsageResult = { closed: 0, opened: 0, extended: 0 };
  if (options.tenantIds && options.tenantIds.length === 0) return total;
  for (;;) {
    const batch = await resetBatch(now, batchSize, options.tenantIds);
    if (!batch) return total;
    total.closed += batch.closed;
    total.opened += batch.opened;
    total.extended += batch.extended;
  }
}

async function resetBatch(now: Date, batchSize: number, tenantIds: string[] | undefined): Promise<ResetUsageResult | null> {
  return db.$transaction(async (tx) => {
    const onlyTenants = tenantIds ? Prisma.sql`AND "tenantId" IN (${Prisma.join(tenantIds)})` : Prisma.empty;
    const rows = await tx.$queryRaw<EndedRow[]>`
      SELECT id, "tenantId", metric, "periodStart" FROM "UsagePeriod"
      WHERE "closedAt" IS NULL AND "periodEnd" <= ${now} ${onlyTenants}
      ORDER BY "periodEnd", id
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return null;

    const accounts = new Map<string, SubscriptionPeriod>(
      (
        await tx.billingAccount.findMany({
          where: { tenantId: { in: [...new Set(rows.map((row) => row.tenantId))] } },
          select: { tenantId: true, stripeSubscriptionId: true, subscriptionStatus: true, currentPeriodStart: true, currentPeriodEnd: true },
        })
      ).map(({ tenantId, ...account }) => [tenantId, account]),
    );

    const close: string[] = [];
    const open = new Map<string, Prisma.UsagePeriodCreateManyInput>();
    let extended = 0;
    for (const row of rows) {
      const period = billingPeriod(accounts.get(row.tenantId) ?? null, now);
      if (period.start.getTime() === row.periodStart.getTime()) {
        // Stripe moved this period's end (e.g. a renewal heard of late): it is still current.
        await tx.usagePeriod.update({ where: { id: row.id }, data: { periodEnd: period.end } });
        extended += 1;
        continue;
      }
      close.push(row.id);
      open.set(`${row.tenantId}\u0000${row.metric}`, { tenantId: row.tenantId, metric: row.metric, periodStart: period.start, periodEnd: period.end });
    }
    const { count: closed } = close.length ? await tx.usagePeriod.updateMany({ where: { id: { in: close }, closedAt: null }, data: { closedAt: now } }) : { count: 0 };
    const { count: opened } = open.size ? await tx.usagePeriod.createMany({ data: [...open.values()], skipDuplicates: true }) : { count: 0 };
    return { closed, opened, extended };
  });
}
