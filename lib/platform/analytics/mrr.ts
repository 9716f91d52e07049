import { dbRead } from '../../db/client.ts';
import type { AnalyticsRange } from './range.ts';

// Monthly recurring revenue and churn per UTC day, rebuilt from what Waypoint records.
//
// Stripe's invoices are kept as their state only (StripeInvoice has no amount) and a
// subscription as its latest state (BillingAccount), so neither gives a history of money. What
// does have a history is each workspace's plan and status: every plan change is in its audit
// log as billing.plan_changed {from, to} (Stripe's, the trials job's, an owner's or the
// operator's: lib/billing/set-plan.ts applyPlan), and every status change the platform makes
// is there too (billing.trial_ended → active; tenant.suspended, tenant.reactivated →
// active, tenant.canceled, tenant.deletion_scheduled, tenant.restored → its metadata's "to").
// Before a workspace's first recorded change, its plan or status is that change's "from" (or,
// for status changes that carry none, the one the action starts from); with no change at all,
// it is the workspace's plan or status now.
//
// MRR at the end of a day: for each workspace that was active or past due then (not on trial,
// suspended or closed), the monthly price of the plan it was on, at today's prices (its
// reseller's price for the plan where set, else the plan's list price), as the operator's
// figures count it now (lib/platform/tenant-directory.ts). It is contracted revenue, not money
// collected. A churned workspace: paying (price above zero) at the end of the day before and
// not at the end of this one (suspended, closed, or moved to a free plan); churned MRR is what
// it paid. Partners' sandbox workspaces never pay; erased workspaces leave no history, so they
// are missing from the days before their erasure.

export interface MrrDay {
  day: string;
  mrrCents: number;
  payingWorkspaces: number;
  churnedWorkspaces: number;
  churnedMrrCents: number;
}

export interface MrrSeries {
  days: MrrDay[];
  /** MRR at the end of the day before the range: the base of the churn rate. */
  startMrrCents: number;
  startPayingWorkspaces: number;
}

const STATUS_ACTIONS = ['billing.trial_ended', 'tenant.suspended', 'tenant.reactivated', 'tenant.canceled', 'tenant.deletion_scheduled', 'tenant.restored'];

export async function mrrPerDay(range: AnalyticsRange): Promise<MrrSeries> {
  const rows = await dbRead.$queryRaw<{ day: string; mrrCents: bigint; payingWorkspaces: number; churnedWorkspaces: number; churnedMrrCents: bigint }[]>`
    WITH days AS (SELECT generate_series(${range.from}::date - 1, ${range.to}::date, interval '1 day')::date AS day),
    tenants AS (
      SELECT id, plan, status::text AS status, "resellerId", "createdAt" FROM "Tenant"
      WHERE "sandboxOfPartnerId" IS NULL AND "createdAt" < ${range.until}
    ),
    plan_changes AS (
      SELECT a."tenantId" AS tenant, a."createdAt" AS at, a.metadata->>'from' AS before, a.metadata->>'to' AS after,
             row_number() OVER w AS n, lead(a."createdAt") OVER w AS next_at
      FROM "AuditLog" a JOIN tenants t ON t.id = a."tenantId"
      WHERE a.action = 'billing.plan_changed'
      WINDOW w AS (PARTITION BY a."tenantId" ORDER BY a."createdAt", a.id)
    ),
    plan_spans AS (
      SELECT t.id AS tenant, '-infinity'::timestamp AS since, COALESCE(c.at, 'infinity'::timestamp) AS until, COALESCE(c.before, t.plan) AS plan
      FROM tenants t LEFT JOIN plan_changes c ON c.tenant = t.id AND c.n = 1
      UNION ALL
      SELECT tenant, at, COALESCE(next_at, 'infinity'::timestamp), after FROM plan_changes
    ),
    status_changes AS (
      SELECT a."tenantId" AS tenant, a."createdAt" AS at, a.action, a.metadata->>'from' AS before,
             CASE a.action
               WHEN 'billing.trial_ended' THEN 'active'
               WHEN 'tenant.suspended' THEN 'suspended'
               WHEN 'tenant.reactivated' THEN 'active'
               WHEN 'tenant.canceled' THEN 'canceled'
               WHEN 'tenant.deletion_scheduled' THEN 'scheduled_for_deletion'
               ELSE a.metadata->>'to'
             END AS after,
             row_number() OVER w AS n, lead(a."createdAt") OVER w AS next_at
      FROM "AuditLog" a JOIN tenants t ON t.id = a."tenantId"
      WHERE a.action = ANY(${STATUS_ACTIONS}::text[])
      WINDOW w AS (PARTITION BY a."tenantId" ORDER BY a."createdAt", a.id)
    ),
    status_spans AS (
      SELECT t.id AS tenant, '-infinity'::timestamp AS since, COALESCE(c.at, 'infinity'::timestamp) AS until,
             CASE
               WHEN c.tenant IS NULL THEN t.status
               ELSE COALESCE(c.before, CASE c.action WHEN 'billing.trial_ended' THEN 'trial' WHEN 'tenant.reactivated' THEN 'suspended' WHEN 'tenant.restored' THEN 'scheduled_for_deletion' ELSE 'active' END)
             END AS status
      FROM tenants t LEFT JOIN status_changes c ON c.tenant = t.id AND c.n = 1
      UNION ALL
      SELECT tenant, at, COALESCE(next_at, 'infinity'::timestamp), after FROM status_changes
    ),
    -- Each workspace paying at the end of each day (the instant the next day starts), with its price.
    daily AS (
      SELECT days.day, t.id AS tenant, COALESCE(rp."priceCents", p."priceCents", 0)::bigint AS cents
      FROM days
      JOIN tenants t ON t."createdAt" < days.day + 1
      JOIN status_spans s ON s.tenant = t.id AND s.since < days.day + 1 AND s.until >= days.day + 1
      JOIN plan_spans ps ON ps.tenant = t.id AND ps.since < days.day + 1 AND ps.until >= days.day + 1
      LEFT JOIN "Plan" p ON p.id = ps.plan
      LEFT JOIN "ResellerPrice" rp ON rp."resellerId" = t."resellerId" AND rp."planId" = ps.plan
      WHERE s.status IN ('active', 'past_due') AND COALESCE(rp."priceCents", p."priceCents", 0) > 0
    ),
    mrr AS (SELECT day, sum(cents) AS cents, count(*)::int AS paying FROM daily GROUP BY day),
    churn AS (
      SELECT prev.day + 1 AS day, count(*)::int AS n, sum(prev.cents) AS cents
      FROM daily prev LEFT JOIN daily cur ON cur.tenant = prev.tenant AND cur.day = prev.day + 1
      WHERE cur.tenant IS NULL AND prev.day < ${range.to}::date
      GROUP BY 1
    )
    SELECT to_char(days.day, 'YYYY-MM-DD') AS day, COALESCE(mrr.cents, 0)::bigint AS "mrrCents", COALESCE(mrr.paying, 0) AS "payingWorkspaces",
           COALESCE(churn.n, 0) AS "churnedWorkspaces", COALESCE(churn.cents, 0)::bigint AS "churnedMrrCents"
    FROM days LEFT JOIN mrr USING (day) LEFT JOIN churn USING (day)
    ORDER BY days.day`;
  const all = rows.map((row) => ({ ...row, mrrCents: Number(row.mrrCents), churnedMrrCents: Number(row.churnedMrrCents) }));
  const [start, ...days] = all;
  return { days, startMrrCents: start.mrrCents, startPayingWorkspaces: start.payingWorkspaces };
}
