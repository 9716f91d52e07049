import { db } from '../../db/client.ts';
import { tenantDb } from '../../db/tenant-db.ts';
import { isTimeZone, isoWeekStart, localDateIn } from '../../habits/local-date.ts';
import { logger } from '../../observability/logger.ts';
import { getTenantById } from '../../tenancy/tenant-cache.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { brandOf, linkTo, words } from './notification-context.ts';
import type { NotificationItem, NotificationMessage } from './notification-message.ts';
import { queueForRoutes } from './route-notification.ts';

// The weekly team digest: on Monday between 09:00 and 09:59 in the workspace's time zone, each
// weekly_digest route gets last week's team goals (completed in the last 7 days, still active
// with their progress, due in the next 7 days) for its team, or for every team. The job runs
// hourly; the dedupe key (digest:<Monday's date>:<routeId>) keeps it to one per week and route
// however often it runs.

const DIGEST_HOUR = 9;
const MAX_ITEMS = 10;
const DAY_MS = 86_400_000;

/** Whether it is Monday, 09:xx, in the zone. */
export function isDigestHour(timeZone: string, now: Date): boolean {
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const weekday = parts.find((part) => part.type === 'weekday')?.value;
  const hour = Number(parts.find((part) => part.type === 'hour')?.value);
  return weekday === 'Mon' && hour === DIGEST_HOUR;
}

/** The digest of one team (or every team, teamId null) for the week before `now`. */
export async function buildDigest(tenant: TenantContext, teamId: string | null, now: Date): Promise<NotificationMessage> {
  const scoped = tenantDb(tenant.id);
  const w = words(tenant);
  const team = teamId ? await scoped.team.findFirst({ where: { id: teamId }, select: { name: true } }) : null;
  // Every team's digest covers public teams only: a private team's goals go to its own channel.
  const teamWhere = teamId ? { teamId } : { teamId: { not: null }, team: { visibility: 'public' as const } };
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const nextWeek = new Date(now.getTime() + 7 * DAY_MS);
  const [completed, active, dueSoon] = await Promise.all([
    scoped.goal.findMany({ where: { ...teamWhere, status: 'completed', completedAt: { gte: weekAgo, lte: now } }, orderBy: { completedAt: 'desc' }, select: { id: true, title: true } }),
    scoped.goal.findMany({ where: { ...teamWhere, status: 'active' }, orderBy: [{ progress: 'desc' }, { createdAt: 'asc' }], select: { id: true, title: true, progress: true } }),
    scoped.goal.count({ where: { ...teamWhere, status: 'active', targetDate: { gte: new Date(now.toISOString().slice(0, 10)), lt: nextWeek } } }),
  ]);
  const scope = team ? team.name : `every ${w('team')}`;
  const items: NotificationItem[] = [
    ...completed.map((goal) => ({ text: `✓ ${goal.title}`, url: linkTo(tenant, `/goals/${goal.id}`) })),
    ...active.map((goal) => ({ text: `${goal.title}: ${goal.progress}%`, url: linkTo(tenant, `/goals/${goal.id}`) })),
  ];
  const shown = items.slice(0, MAX_ITEMS);
  if (items.length > MAX_ITEMS) shown.push({ text: `and ${items.length - MAX_ITEMS} more`, url: null });
  return {
    event: 'weekly_digest',
    teamId,
    title: `Weekly digest: ${team ? team.name : brandOf(tenant).name}`,
    text: `Last week in ${scope}: ${completed.length} ${w(completed.length === 1 ? 'goal' : 'goals')} completed, ${active.length} active, ${dueSoon} due in the next 7 days.`,
    fields: [
      { label: 'Completed (7 days)', value: String(completed.length) },
      { label: 'Active', value: String(active.length) },
      { label: 'Due in 7 days', value: String(dueSoon) },
    ],
    items: shown,
    link: teamId ? { label: `Open the ${w('team')}`, url: linkTo(tenant, `/teams/${teamId}`) } : { label: `Open ${w('goals')}`, url: linkTo(tenant, '/goals') },
    brand: brandOf(tenant),
  };
}

/** Queues this week's digest to every weekly_digest route of one workspace. */
export async function sendDigestsFor(tenant: TenantContext, now: Date): Promise<number> {
  const routes = await db.integrationChannelRoute.findMany({ where: { tenantId: tenant.id, event: 'weekly_digest', installation: { uninstalledAt: null } }, select: { id: true, teamId: true } });
  const week = isoWeekStart(localDateIn(tenant.timeZone, now));
  let queued = 0;
  for (const route of routes) {
    const message = await buildDigest(tenant, route.teamId, now);
    queued += (await queueForRoutes(tenant.id, [route.id], message, `digest:${week}`)).length;
  }
  return queued;
}

/** The hourly job: workspaces with digest routes where it is Monday 09:xx now. */
export async function runWeeklyDigests(now: Date): Promise<{ workspaces: number; queued: number }> {
  const rows = await db.integrationChannelRoute.findMany({ where: { event: 'weekly_digest', installation: { uninstalledAt: null } }, distinct: ['tenantId'], select: { tenantId: true } });
  let workspaces = 0;
  let queued = 0;
  const failures: unknown[] = [];
  for (const { tenantId } of rows) {
    const tenant = await getTenantById(tenantId);
    if (!tenant || !isDigestHour(tenant.timeZone, now)) continue;
    try {
      queued += await sendDigestsFor(tenant, now);
      workspaces += 1;
    } catch (error) {
      // One workspace's failure does not cost the others their digest; the job's retry (within
      // the hour) runs it again, and the dedupe keys skip what was already queued.
      logger().error({ err: error, tenantId }, 'integrations: weekly digest failed');
      failures.push(error);
    }
  }
  if (failures.length) throw failures[0];
  return { workspaces, queued };
}
