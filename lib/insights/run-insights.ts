import { tenantDb } from '../db/tenant-db.ts';
import { localMinuteOfDay, clockAt, type InsightClock } from './clock.ts';
import { MEMBER_KINDS, TEAM_KINDS, memberDrafts, teamDrafts, type InsightCadence } from './compute.ts';
import { saveInsights, type SaveResult } from './save-insights.ts';
import { dayOfWeek } from '../habits/local-date.ts';

// Runs the rules for a member (after their activity) or a whole workspace (on the schedule),
// one transaction per member and per team, each its own tenant-scoped unit.

/** Workspaces whose members use the app; suspended or closed ones get no new insights. */
export const LIVE_STATUSES = ['trial', 'active', 'past_due'] as const;

async function workspaceClock(tenantId: string, now: Date): Promise<InsightClock | null> {
  const tenant = await tenantDb(tenantId).tenant.findFirst({ where: { id: tenantId, status: { in: [...LIVE_STATUSES] } }, select: { timeZone: true } });
  return tenant ? clockAt(now, tenant.timeZone) : null;
}

function add(total: SaveResult, part: SaveResult): SaveResult {
  return { created: total.created + part.created, updated: total.updated + part.updated, expired: total.expired + part.expired };
}

const NOTHING: SaveResult = { created: 0, updated: 0, expired: 0 };

async function refreshMember(tenantId: string, userId: string, clock: InsightClock, cadence: InsightCadence): Promise<SaveResult> {
  return tenantDb(tenantId).$transaction(async (tx) => {
    const drafts = await memberDrafts(tx, userId, clock, MEMBER_KINDS[cadence]);
    return saveInsights(tx, tenantId, { userId }, MEMBER_KINDS[cadence], drafts, clock.now);
  });
}

async function refreshTeam(tenantId: string, teamId: string, clock: InsightClock, cadence: InsightCadence): Promise<SaveResult> {
  return tenantDb(tenantId).$transaction(async (tx) => {
    const drafts = await teamDrafts(tx, teamId, clock, TEAM_KINDS[cadence]);
    return saveInsights(tx, tenantId, { teamId }, TEAM_KINDS[cadence], drafts, clock.now);
  });
}

/** After a member's activity: all of their insights and their teams'. */
export async function refreshMemberInsights(tenantId: string, userId: string, now: Date = new Date()): Promise<SaveResult> {
  const clock = await workspaceClock(tenantId, now);
  if (!clock) return NOTHING;
  const membership = await tenantDb(tenantId).membership.findFirst({ where: { userId }, select: { id: true } });
  if (!membership) return NOTHING;
  let total = await refreshMember(tenantId, userId, clock, 'full');
  const teams = await tenantDb(tenantId).teamMember.findMany({ where: { userId }, select: { teamId: true } });
  for (const { teamId } of teams) total = add(total, await refreshTeam(tenantId, teamId, clock, 'full'));
  return total;
}

/** The hour of the week a workspace's full run happens: Monday 06:00 in its zone (weekly patterns, momentum). */
export const FULL_RUN_WEEKDAY = 1;
export const FULL_RUN_HOUR = 6;

/** Which rules the hourly run at `clock` applies: all of them once a week, the time-driven ones otherwise. */
export function cadenceAt(clock: InsightClock): InsightCadence {
  const hour = Math.floor(localMinuteOfDay(clock.timeZone, clock.now) / 60);
  return dayOfWeek(clock.today) === FULL_RUN_WEEKDAY && hour === FULL_RUN_HOUR ? 'full' : 'hourly';
}

/** Expired insights are kept this long (the coach and the API may still explain last week), then deleted. */
export const EXPIRED_KEPT_DAYS = 30;

/** Every member and team of the workspace; `cadence` defaults to what the hour calls for. */
export async function refreshWorkspaceInsights(tenantId: string, now: Date = new Date(), cadence?: InsightCadence): Promise<SaveResult> {
  const clock = await workspaceClock(tenantId, now);
  if (!clock) return NOTHING;
  const run = cadence ?? cadenceAt(clock);
  const scoped = tenantDb(tenantId);
  const [members, teams] = await Promise.all([scoped.membership.findMany({ select: { userId: true }, orderBy: { createdAt: 'asc' } }), scoped.team.findMany({ select: { id: true } })]);
  // Old findings go: every period makes new keys, so the table would otherwise only grow.
  await scoped.insight.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - EXPIRED_KEPT_DAYS * 86_400_000) } } });
  let total = NOTHING;
  for (const { userId } of members) total = add(total, await refreshMember(tenantId, userId, clock, run));
  for (const { id } of teams) total = add(total, await refreshTeam(tenantId, id, clock, run));
  return total;
}
