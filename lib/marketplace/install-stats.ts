import { db, Prisma } from '../db/client.ts';
import { notFound } from '../http/problem.ts';
import type { PartnerActor } from '../partners/partner-actor.ts';

// Installation tracking: installs, uninstalls and active installations of marketplace apps
// per UTC day, and the API requests their installations make (ApiRequestLog.marketplaceAppId).
// Installations in a partner's sandbox workspace are the partner testing, not customers: they
// count nowhere here (not in the partner's analytics, not in a listing's install count).
// An uninstall is any ended installation (uninstalled by the workspace, or the app removed).

const DAY_MS = 86_400_000;

export interface DailyInstallStats {
  /** YYYY-MM-DD (UTC) */
  day: string;
  installs: number;
  uninstalls: number;
  /** Active installations at the end of the day. */
  active: number;
  /** API requests made with the app's installation tokens. */
  requests: number;
  /** Of which answered 400 or above. */
  errors: number;
}

export interface InstallStats {
  appId: string;
  /** One entry per day of the window, oldest first; days without activity are zeros. */
  days: DailyInstallStats[];
  totals: {
    /** Active installations now. */
    active: number;
    /** In the window. */
    installs: number;
    uninstalls: number;
    requests: number;
    errors: number;
    /** Since the app's first install. */
    installsAllTime: number;
  };
}

export interface InstallStatsOptions {
  /** 1 to 366, default 30. */
  days?: number;
  now?: Date;
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Installations that count: not in a partner's sandbox workspace. */
const counted = Prisma.sql`NOT EXISTS (SELECT 1 FROM "Tenant" t WHERE t.id = i."tenantId" AND t."sandboxOfPartnerId" IS NOT NULL)`;

/** The app's installation and request history (no scoping: callers check who may see it). */
export async function installStatsOf(appId: string, options: InstallStatsOptions = {}): Promise<InstallStats> {
  const now = options.now ?? new Date();
  const span = Math.max(1, Math.min(366, Math.trunc(options.days ?? 30)));
  const until = new Date(startOfUtcDay(now).getTime() + DAY_MS);
  const since = new Date(until.getTime() - span * DAY_MS);

  const [installs, uninstalls, requests, [base]] = await Promise.all([
    db.$queryRaw<{ day: string; n: number }[]>`
      SELECT to_char(date_trunc('day', i."installedAt"), 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM "AppInstallation" i
      WHERE i."appId" = ${appId} AND i."installedAt" >= ${since} AND i."installedAt" < ${until} AND ${counted}
      GROUP BY 1`,
    db.$queryRaw<{ day: string; n: number }[]>`
      SELECT to_char(date_trunc('day', i."uninstalledAt"), 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM "AppInstallation" i
      WHERE i."appId" = ${appId} AND i."uninstalledAt" >= ${since} AND i."uninstalledAt" < ${until} AND ${counted}
      GROUP BY 1`,
    db.$queryRaw<{ day: string; n: number; errors: number }[]>`
      SELECT to_char(date_trunc('day', r."createdAt"), 'YYYY-MM-DD') AS day, count(*)::int AS n, count(*) FILTER (WHERE r.status >= 400)::int AS errors
      FROM "ApiRequestLog" r
      WHERE r."marketplaceAppId" = ${appId} AND r."createdAt" >= ${since} AND r."createdAt" < ${until}
        AND NOT EXISTS (SELECT 1 FROM "Tenant" t WHERE t.id = r."tenantId" AND t."sandboxOfPartnerId" IS NOT NULL)
      GROUP BY 1`,
    db.$queryRaw<{ active: number; all_time: number; active_now: number }[]>`
      SELECT count(*) FILTER (WHERE i."installedAt" < ${since} AND (i."uninstalledAt" IS NULL OR i."uninstalledAt" >= ${since}))::int AS active,
             count(*) FILTER (WHERE i."installedAt" < ${until})::int AS all_time,
             count(*) FILTER (WHERE i."uninstalledAt" IS NULL)::int AS active_now
      FROM "AppInstallation" i
      WHERE i."appId" = ${appId} AND ${counted}`,
  ]);

  const installsOn = new Map(installs.map((row) => [row.day, row.n]));
  const uninstallsOn = new Map(uninstalls.map((row) => [row.day, row.n]));
  const requestsOn = new Map(requests.map((row) => [row.day, row]));
  let active = base?.active ?? 0;
  const days = Array.from({ length: span }, (_, i): DailyInstallStats => {
    const day = new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    const inDay = installsOn.get(day) ?? 0;
    const outDay = uninstallsOn.get(day) ?? 0;
    active += inDay - outDay;
    return { day, installs: inDay, uninstalls: outDay, active, requests: requestsOn.get(day)?.n ?? 0, errors: requestsOn.get(day)?.errors ?? 0 };
  });
  const sum = (key: 'installs' | 'uninstalls' | 'requests' | 'errors') => days.reduce((total, d) => total + d[key], 0);
  return {
    appId,
    days,
    totals: { active: base?.active_now ?? 0, installs: sum('installs'), uninstalls: sum('uninstalls'), requests: sum('requests'), errors: sum('errors'), installsAllTime: base?.all_time ?? 0 },
  };
}

/** The analytics of one of the partner's own apps; another partner's app is 404. */
export async function partnerInstallStats(actor: PartnerActor, appId: string, options: InstallStatsOptions = {}): Promise<InstallStats> {
  const app = await db.marketplaceApp.findFirst({ where: { id: appId, partnerId: actor.partnerId }, select: { id: true } });
  if (!app) throw notFound('No such app.');
  return installStatsOf(app.id, options);
}

/** Active installations per app now (listing pages, cards), sandbox installs excluded. */
export async function activeInstallCounts(appIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>(appIds.map((id) => [id, 0]));
  if (appIds.length === 0) return counts;
  const rows = await db.$queryRaw<{ appId: string; n: number }[]>`
    SELECT i."appId", count(*)::int AS n FROM "AppInstallation" i
    WHERE i."appId" = ANY(${[...appIds]}::text[]) AND i."uninstalledAt" IS NULL AND ${counted}
    GROUP BY 1`;
  for (const row of rows) counts.set(row.appId, row.n);
  return counts;
}

/** Installs per app in the last `days` days (trending), sandbox installs excluded; most first. */
export async function recentInstallCounts(options: { days?: number; now?: Date; limit?: number } = {}): Promise<{ appId: string; installs: number }[]> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - Math.max(1, options.days ?? 30) * DAY_MS);
  return db.$queryRaw<{ appId: string; installs: number }[]>`
    SELECT i."appId", count(*)::int AS installs FROM "AppInstallation" i
    WHERE i."installedAt" >= ${since} AND ${counted}
    GROUP BY 1 ORDER BY installs DESC, i."appId" LIMIT ${Math.max(1, Math.min(100, Math.trunc(options.limit ?? 10)))}`;
}
