import { db } from '../db/client.ts';
import type { PartnerActor } from './partner-actor.ts';

// Health flags as the partner (its own apps only) and the operator see them, and their words.

export interface HealthFlagView {
  id: string;
  appId: string;
  appName: string;
  kind: string;
  valueBps: number;
  thresholdBps: number;
  windowStart: Date;
  windowEnd: Date;
  raisedAt: Date;
  clearedAt: Date | null;
  notifiedAt: Date | null;
}

const pct = (bps: number) => `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 2)}%`;

/** A flag in plain words: a short title and a sentence with the measured rate and the threshold. */
export function describeHealthFlag(flag: { kind: string; valueBps: number; thresholdBps: number }): { title: string; detail: string } {
  if (flag.kind === 'webhook_failure_rate') {
    return { title: 'Webhook deliveries failing', detail: `${pct(flag.valueBps)} of the webhook deliveries to the app failed over the last 24 hours (threshold ${pct(flag.thresholdBps)}).` };
  }
  return { title: 'High API error rate', detail: `${pct(flag.valueBps)} of the app’s API calls got a server error (5xx) over the last 24 hours (threshold ${pct(flag.thresholdBps)}).` };
}

const select = {
  id: true,
  appId: true,
  kind: true,
  valueBps: true,
  thresholdBps: true,
  windowStart: true,
  windowEnd: true,
  raisedAt: true,
  clearedAt: true,
  notifiedAt: true,
  app: { select: { slug: true, liveVersion: { select: { name: true } } } },
} as const;

type Row = { app: { slug: string; liveVersion: { name: string } | null } } & Omit<HealthFlagView, 'appName'>;
const view = ({ app, ...flag }: Row): HealthFlagView => ({ ...flag, appName: app.liveVersion?.name ?? app.slug });

/** The open flags of the partner's apps (one app, or all of them), oldest first. */
export async function openFlagsForPartner(actor: PartnerActor, appId?: string | null): Promise<HealthFlagView[]> {
  const rows = await db.appHealthFlag.findMany({ where: { clearedAt: null, app: { partnerId: actor.partnerId, ...(appId ? { id: appId } : {}) } }, orderBy: { raisedAt: 'asc' }, select });
  return rows.map(view);
}

/** Every flag of an app, newest first (the operator's app page). */
export async function flagsOfApp(appId: string, take = 50): Promise<HealthFlagView[]> {
  const rows = await db.appHealthFlag.findMany({ where: { appId }, orderBy: { raisedAt: 'desc' }, take, select });
  return rows.map(view);
}
