import type { PartnerActor } from '../partner-actor.ts';
import { apiCallStats, type ApiCallStats } from './api-calls.ts';
import { installSeries, type InstallSeries } from './installs.ts';
import { revenueByMonth, type RevenueStats } from './revenue.ts';
import { webhookStats, type WebhookStats } from './webhooks.ts';
import { analyticsScope, analyticsWindow, canSeeRevenue, parsePeriod, type Period } from './window.ts';

// The partner dashboard's figures for one app (its Analytics tab) or all the partner's apps
// (the overview), in one call: the pages render what this returns.

export interface PartnerAnalytics {
  appId: string | null;
  period: Period;
  installs: InstallSeries;
  apiCalls: ApiCallStats;
  webhooks: WebhookStats;
  /** Null for a developer: money is for owners and billing contacts. */
  revenue: RevenueStats | null;
}

export async function partnerAnalytics(actor: PartnerActor, options: { appId?: string | null; period?: unknown; now?: Date } = {}): Promise<PartnerAnalytics> {
  const scope = await analyticsScope(actor, options.appId);
  const period = parsePeriod(options.period === undefined ? undefined : String(options.period));
  const window = analyticsWindow(period, options.now);
  const [installs, apiCalls, webhooks, revenue] = await Promise.all([
    installSeries(scope, window),
    apiCallStats(scope, window),
    webhookStats(scope, window),
    canSeeRevenue(actor) ? revenueByMonth(scope, { now: options.now }) : null,
  ]);
  return { appId: scope.appId, period, installs, apiCalls, webhooks, revenue };
}
