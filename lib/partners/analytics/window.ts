import { db, Prisma } from '../../db/client.ts';
import { notFound } from '../../http/problem.ts';
import type { PartnerActor } from '../partner-actor.ts';

// What every partner analytics query shares: the apps it may look at (always the actor's
// partner's, never an id taken on trust) and the window, whole UTC days ending today.
// Traffic and installs in a partner's sandbox workspace are the partner testing, not
// customers, so every query leaves them out (as lib/marketplace/install-stats.ts does).

export const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = 30;

const DAY_MS = 86_400_000;

export interface AnalyticsWindow {
  since: Date;
  /** Exclusive: the start of tomorrow (UTC). */
  until: Date;
  /** The window's days, YYYY-MM-DD, oldest first. */
  days: string[];
}

export interface AnalyticsScope {
  partnerId: string;
  /** The apps measured: one (an app's tab) or every app of the partner (the overview). */
  appIds: string[];
  /** Set when the scope is one app. */
  appId: string | null;
}

/** A period from a query string value; anything else is the default. */
export function parsePeriod(value: unknown): Period {
  return PERIODS.find((p) => String(p) === value) ?? DEFAULT_PERIOD;
}

export function analyticsWindow(days: number, now: Date = new Date()): AnalyticsWindow {
  const span = Math.max(1, Math.min(366, Math.trunc(days)));
  const until = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS);
  const since = new Date(until.getTime() - span * DAY_MS);
  return { since, until, days: Array.from({ length: span }, (_, i) => new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10)) };
}

/** One app of the actor's partner (another partner's app, or no such app, is 404), or all of them. */
export async function analyticsScope(actor: PartnerActor, appId?: string | null): Promise<AnalyticsScope> {
  if (appId) {
    const app = await db.marketplaceApp.findFirst({ where: { id: appId, partnerId: actor.partnerId }, select: { id: true } });
    if (!app) throw notFound('No such app.');
    return { partnerId: actor.partnerId, appIds: [app.id], appId: app.id };
  }
  const apps = await db.marketplaceApp.findMany({ where: { partnerId: actor.partnerId }, select: { id: true } });
  return { partnerId: actor.partnerId, appIds: apps.map((a) => a.id), appId: null };
}

/** SQL: the tenant (by a column reference) is not a partner's sandbox. */
export const notSandbox = (tenantId: Prisma.Sql) => Prisma.sql`NOT EXISTS (SELECT 1 FROM "Tenant" t WHERE t.id = ${tenantId} AND t."sandboxOfPartnerId" IS NOT NULL)`;

/** Revenue is money: for the partner's owners and billing contacts, not its developers. */
export const canSeeRevenue = (actor: PartnerActor) => actor.role === 'owner' || actor.role === 'billing';
