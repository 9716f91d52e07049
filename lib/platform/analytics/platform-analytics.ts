import type { WebhookDay } from '../../partners/analytics/webhooks.ts';
import { activeUsersPerDay, type ActiveDay } from './active-users.ts';
import { apiCallsPerDay, type ApiCallDay } from './api-calls.ts';
import { mrrPerDay, type MrrSeries } from './mrr.ts';
import type { AnalyticsRange } from './range.ts';
import { signupsPerDay, type SignupDay } from './signups.ts';
import { webhookDeliveriesPerDay } from './webhook-deliveries.ts';

// Everything the operator's analytics page (/operator/analytics) and GET /api/platform/analytics
// show for one range, each series with one value per day of the range, and the totals.

export interface PlatformAnalytics {
  range: { from: string; to: string; preset: number | null; days: number };
  signups: SignupDay[];
  active: ActiveDay[];
  revenue: MrrSeries;
  apiCalls: ApiCallDay[];
  webhooks: WebhookDay[];
  totals: {
    newWorkspaces: number;
    newUsers: number;
    /** On the range's last day. */
    dau: number;
    wau: number;
    mau: number;
    mrrCents: number;
    payingWorkspaces: number;
    churnedWorkspaces: number;
    churnedMrrCents: number;
    /** Churned MRR over the MRR at the start; null when nothing was paying then. */
    mrrChurnRate: number | null;
    apiCalls: number;
    apiErrorRate: number | null;
    webhookDeliveries: number;
    webhookSuccessRate: number | null;
  };
}

const sum = <T>(rows: T[], value: (row: T) => number) => rows.reduce((total, row) => total + value(row), 0);
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export async function platformAnalytics(range: AnalyticsRange): Promise<PlatformAnalytics> {
  const [signups, active, revenue, apiCalls, webhooks] = await Promise.all([signupsPerDay(range), activeUsersPerDay(range), mrrPerDay(range), apiCallsPerDay(range), webhookDeliveriesPerDay(range)]);
  const last = active.at(-1);
  const end = revenue.days.at(-1);
  const churnedMrrCents = sum(revenue.days, (day) => day.churnedMrrCents);
  const calls = sum(apiCalls, (day) => day.ok + day.clientErrors + day.serverErrors);
  const deliveries = sum(webhooks, (day) => day.succeeded + day.failed + day.retrying);
  return {
    range: { from: range.from, to: range.to, preset: range.preset, days: range.days.length },
    signups,
    active,
    revenue,
    apiCalls,
    webhooks,
    totals: {
      newWorkspaces: sum(signups, (day) => day.workspaces),
      newUsers: sum(signups, (day) => day.users),
      dau: last?.dau ?? 0,
      wau: last?.wau ?? 0,
      mau: last?.mau ?? 0,
      mrrCents: end?.mrrCents ?? 0,
      payingWorkspaces: end?.payingWorkspaces ?? 0,
      churnedWorkspaces: sum(revenue.days, (day) => day.churnedWorkspaces),
      churnedMrrCents,
      mrrChurnRate: ratio(churnedMrrCents, revenue.startMrrCents),
      apiCalls: calls,
      apiErrorRate: ratio(sum(apiCalls, (day) => day.clientErrors + day.serverErrors), calls),
      webhookDeliveries: deliveries,
      webhookSuccessRate: ratio(sum(webhooks, (day) => day.succeeded), deliveries),
    },
  };
}
