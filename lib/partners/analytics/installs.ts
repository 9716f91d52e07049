import { db, Prisma } from '../../db/client.ts';
import { notSandbox, type AnalyticsScope, type AnalyticsWindow } from './window.ts';

// Installs, uninstalls (any ended installation) and active installations per UTC day, over
// the scope's apps; three grouped queries, the running total is added up per day here.

export interface InstallDay {
  day: string;
  installs: number;
  uninstalls: number;
  /** Active installations at the end of the day. */
  active: number;
}

export interface InstallSeries {
  days: InstallDay[];
  totals: { installs: number; uninstalls: number; activeNow: number };
}

export async function installSeries(scope: AnalyticsScope, window: AnalyticsWindow): Promise<InstallSeries> {
  const { since, until } = window;
  const apps = Prisma.sql`i."appId" = ANY(${scope.appIds}::text[]) AND ${notSandbox(Prisma.sql`i."tenantId"`)}`;
  const [installs, uninstalls, [base]] = await Promise.all([
    db.$queryRaw<{ day: string; n: number }[]>`
      SELECT to_char(date_trunc('day', i."installedAt"), 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM "AppInstallation" i WHERE ${apps} AND i."installedAt" >= ${since} AND i."installedAt" < ${until}
      GROUP BY 1`,
    db.$queryRaw<{ day: string; n: number }[]>`
      SELECT to_char(date_trunc('day', i."uninstalledAt"), 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM "AppInstallation" i WHERE ${apps} AND i."uninstalledAt" >= ${since} AND i."uninstalledAt" < ${until}
      GROUP BY 1`,
    db.$queryRaw<{ before: number; now: number }[]>`
      SELECT count(*) FILTER (WHERE i."installedAt" < ${since} AND (i."uninstalledAt" IS NULL OR i."uninstalledAt" >= ${since}))::int AS before,
             count(*) FILTER (WHERE i."uninstalledAt" IS NULL)::int AS now
      FROM "AppInstallation" i WHERE ${apps}`,
  ]);
  const installsOn = new Map(installs.map((r) => [r.day, r.n]));
  const uninstallsOn = new Map(uninstalls.map((r) => [r.day, r.n]));
  let active = base?.before ?? 0;
  const days = window.days.map((day): InstallDay => {
    const inDay = installsOn.get(day) ?? 0;
    const outDay = uninstallsOn.get(day) ?? 0;
    active += inDay - outDay;
    return { day, installs: inDay, uninstalls: outDay, active };
  });
  return {
    days,
    totals: { installs: days.reduce((s, d) => s + d.installs, 0), uninstalls: days.reduce((s, d) => s + d.uninstalls, 0), activeNow: base?.now ?? 0 },
  };
}
