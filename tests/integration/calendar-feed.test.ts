import ICAL from 'ical.js';
import nodeIcal, { type VEvent } from 'node-ical';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as feedRoute } from '../../app/api/calendar-feed/[feedId]/[file]/route.ts';
import { DELETE as stopLink, GET as linkStatus, POST as createLink } from '../../app/api/app/integrations/calendar-feed/link/route.ts';
import { db } from '../../lib/db/client.ts';
import { hashFeedToken } from '../../lib/integrations/calendar-feed/feed-tokens.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { callRoute } from '../support/app-client.ts';
import { createMember } from '../support/factories.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { workspace } from '../support/workspace.ts';

// The calendar feed end to end through its routes: a member makes a link, a calendar app
// fetches it, and two independent iCalendar parsers (node-ical and ical.js) read the same events.

const day = (date: string) => new Date(`${date}T00:00:00.000Z`);
/** node-ical gives a property with parameters (URL;VALUE=URI) as { params, val }. */
const textOf = (value: unknown) => (value && typeof value === 'object' && 'val' in value ? (value as { val: unknown }).val : value);

async function install(tenantId: string) {
  await db.integrationInstallation.create({ data: { id: `int_${tenantId.slice(-12)}`, tenantId, provider: 'calendar-feed' } });
}

async function memberWithCookie(tenant: TenantContext, role: 'member' | 'viewer' = 'member', timeZone: string | null = null) {
  const user = await createMember(tenant.id, role);
  if (timeZone) await db.membership.update({ where: { tenantId_userId: { tenantId: tenant.id, userId: user.id } }, data: { timeZone } });
  return { userId: user.id, cookie: await sessionCookie(user.id, tenant.id) };
}

const hostOf = (tenant: TenantContext) => `${tenant.slug}.localhost:3100`;

async function newLink(tenant: TenantContext, cookie: string) {
  const answer = await callRoute(createLink, { method: 'POST', path: '/api/app/integrations/calendar-feed/link', tenantId: tenant.id, host: hostOf(tenant), cookie });
  expect(answer.status, answer.text).toBe(201);
  const url = new URL(answer.body.url as string);
  const [, , , feedId, file] = url.pathname.split('/');
  return { url, feedId, file, token: file.replace(/\.ics$/, '') };
}

function fetchFeed(tenant: TenantContext, link: { feedId: string; file: string }, headers: Record<string, string> = {}) {
  return callRoute(feedRoute, { path: `/api/calendar-feed/${link.feedId}/${link.file}`, params: { feedId: link.feedId, file: link.file }, tenantId: tenant.id, host: hostOf(tenant), headers });
}

describe('calendar feed', () => {
  let tenant: TenantContext;
  let member: { userId: string; cookie: string };
  let mate: { userId: string; cookie: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    tenant = await workspace();
    await install(tenant.id);
    member = await memberWithCookie(tenant, 'member', 'America/New_York');
    mate = await memberWithCookie(tenant);
    const team = await db.team.create({ data: { tenantId: tenant.id, name: 'Platform', members: { create: [{ tenantId: tenant.id, userId: member.userId }, { tenantId: tenant.id, userId: mate.userId }] } } });
    const otherTeam = await db.team.create({ data: { tenantId: tenant.id, name: 'Sales', members: { create: [{ tenantId: tenant.id, userId: mate.userId }] } } });
    const goal = (data: { ownerId: string; title: string; targetDate?: Date; teamId?: string; status?: 'active' | 'archived' }) => db.goal.create({ data: { tenantId: tenant.id, ...data } });
    ids.own = (await goal({ ownerId: member.userId, title: 'Ship the beta', targetDate: day('2027-01-15') })).id;
    const teamGoal = await goal({ ownerId: mate.userId, title: 'Launch v2', teamId: team.id });
    ids.teamGoal = teamGoal.id;
    await db.goalAssignee.create({ data: { tenantId: tenant.id, goalId: teamGoal.id, userId: member.userId } });
    ids.milestone = (await db.milestone.create({ data: { tenantId: tenant.id, goalId: teamGoal.id, title: 'Beta to 10 customers', dueDate: day('2027-02-01') } })).id;
    await db.milestone.create({ data: { tenantId: tenant.id, goalId: teamGoal.id, title: 'Done already', dueDate: day('2026-11-01'), completedAt: new Date() } });
    await goal({ ownerId: member.userId, title: 'Archived one', targetDate: day('2027-03-01'), status: 'archived' });
    await goal({ ownerId: mate.userId, title: "Mate's own", targetDate: day('2027-03-02') });
    // Assigned, but in a team the member is not in: not theirs to see any more.
    const hidden = await goal({ ownerId: mate.userId, title: 'Sales target', targetDate: day('2027-03-03'), teamId: otherTeam.id });
    await db.goalAssignee.create({ data: { tenantId: tenant.id, goalId: hidden.id, userId: member.userId } });
    // Created on a Thursday in New York (late evening: already Friday in UTC).
    ids.weekly = (await db.habit.create({ data: { tenantId: tenant.id, userId: member.userId, name: 'Run', schedule: 'weekly_days', scheduleDays: [1, 3], createdAt: new Date('2026-12-04T03:00:00Z') } })).id;
    ids.daily = (await db.habit.create({ data: { tenantId: tenant.id, userId: member.userId, name: 'Read', createdAt: new Date('2026-12-04T03:00:00Z') } })).id;
    await db.habit.create({ data: { tenantId: tenant.id, userId: member.userId, name: 'Old habit', archivedAt: new Date() } });
    await db.habit.create({ data: { tenantId: tenant.id, userId: mate.userId, name: "Mate's habit" } });
  });

  it('has the member’s goal due dates, open dated milestones and habit reminders, read alike by node-ical and ical.js', async () => {
    const link = await newLink(tenant, member.cookie);
    expect(link.url.origin).toBe(`http://${hostOf(tenant)}`);
    const answer = await fetchFeed(tenant, link);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(answer.headers.get('cache-control')).toBe('private, no-store');

    // node-ical
    const parsed = nodeIcal.sync.parseICS(answer.text);
    const events = Object.values(parsed).filter((item): item is VEvent => item?.type === 'VEVENT');
    const byUid = Object.fromEntries(events.map((event) => [event.uid.split('@')[0], event]));
    expect(Object.keys(byUid).sort()).toEqual([`goal-${ids.own}`, `habit-${ids.daily}`, `habit-${ids.weekly}`, `milestone-${ids.milestone}`].sort());
    const goal = byUid[`goal-${ids.own}`];
    expect(goal.summary).toBe('Goal due: Ship the beta');
    expect(goal.datetype).toBe('date');
    expect(goal.start.toISOString().slice(0, 10)).toBe('2027-01-15');
    expect(textOf(goal.url)).toBe(`http://${hostOf(tenant)}/goals/${ids.own}`);
    const milestone = byUid[`milestone-${ids.milestone}`];
    expect(milestone.summary).toBe('Milestone: Beta to 10 customers');
    expect(milestone.start.toISOString().slice(0, 10)).toBe('2027-02-01');
    expect(String(milestone.description)).toContain('Launch v2');
    const weekly = byUid[`habit-${ids.weekly}`];
    expect(weekly.summary).toBe('Habit: Run');
    expect(weekly.rrule?.toString()).toContain('BYDAY=MO,WE');
    // 09:00 in New York: 14:00Z in winter, 13:00Z in summer.
    const winter = weekly.rrule!.between(new Date('2027-01-01T00:00:00Z'), new Date('2027-01-08T00:00:00Z'));
    expect(winter.map((date) => date.toISOString())).toEqual(['2027-01-04T14:00:00.000Z', '2027-01-06T14:00:00.000Z']);
    const summer = weekly.rrule!.between(new Date('2027-07-01T00:00:00Z'), new Date('2027-07-08T00:00:00Z'));
    expect(summer.map((date) => date.toISOString())).toEqual(['2027-07-05T13:00:00.000Z', '2027-07-07T13:00:00.000Z']);

    // ical.js, with the feed's own VTIMEZONE as the only zone data
    const calendar = new ICAL.Component(ICAL.parse(answer.text));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const vevents = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(vevents.map((event) => event.uid.split('@')[0]).sort()).toEqual(Object.keys(byUid).sort());
    const goalEvent = vevents.find((event) => event.uid.startsWith('goal-'))!;
    expect(goalEvent.startDate.isDate).toBe(true);
    expect(goalEvent.startDate.toString()).toBe('2027-01-15');
    const run = vevents.find((event) => event.uid.startsWith(`habit-${ids.weekly}`))!;
    expect(run.isRecurring()).toBe(true);
    expect(run.startDate.zone?.tzid).toBe('America/New_York');
    // The first reminder is the first scheduled day on or after the day it was made (Thu 2026-12-03 in New York): Monday the 7th.
    const iterator = run.iterator();
    const firstFive = Array.from({ length: 5 }, () => iterator.next()!.toJSDate().toISOString());
    expect(firstFive).toEqual(['2026-12-07T14:00:00.000Z', '2026-12-09T14:00:00.000Z', '2026-12-14T14:00:00.000Z', '2026-12-16T14:00:00.000Z', '2026-12-21T14:00:00.000Z']);
    const read = vevents.find((event) => event.uid.startsWith(`habit-${ids.daily}`))!;
    expect(read.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=DAILY');
    expect(read.startDate.toJSDate().toISOString()).toBe('2026-12-03T14:00:00.000Z');
    // Across the March change the reminder stays at 09:00 local.
    const dates: string[] = [];
    const occurrences = read.iterator();
    for (let next = occurrences.next(); next; next = occurrences.next()) {
      const iso = next.toJSDate().toISOString();
      if (iso >= '2027-03-13') dates.push(iso);
      if (dates.length === 2) break;
    }
    expect(dates).toEqual(['2027-03-13T14:00:00.000Z', '2027-03-14T13:00:00.000Z']);
  });

  it('answers 304 to a matching If-None-Match, and a new ETag once something changes', async () => {
    const link = await newLink(tenant, member.cookie);
    const first = await fetchFeed(tenant, link);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await fetchFeed(tenant, link, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect((await fetchFeed(tenant, link, { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
    await db.goal.update({ where: { id: ids.own }, data: { targetDate: day('2027-01-20') } });
    const changed = await fetchFeed(tenant, link, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.text).toContain('DTSTART;VALUE=DATE:20270120');
  });

  it('keeps only a hash of the token, and refuses wrong, replaced, stopped and other workspaces’ links with the same 404', async () => {
    const link = await newLink(tenant, member.cookie);
    const row = await db.calendarFeedToken.findUniqueOrThrow({ where: { id: link.feedId } });
    expect(row.tokenHash).toBe(hashFeedToken(link.token));
    expect(JSON.stringify(row)).not.toContain(link.token);
    expect((await fetchFeed(tenant, link)).status).toBe(200);
    expect((await db.calendarFeedToken.findUniqueOrThrow({ where: { id: link.feedId } })).lastUsedAt).not.toBeNull();

    const status = await callRoute(linkStatus, { path: '/api/app/integrations/calendar-feed/link', tenantId: tenant.id, host: hostOf(tenant), cookie: member.cookie });
    expect(status.body).toMatchObject({ installed: true, active: { id: link.feedId } });
    expect(status.text).not.toContain(link.token);

    // A wrong token for a real feed id, and the right token without the .ics.
    const wrong = { feedId: link.feedId, file: `${link.token.slice(0, -1)}${link.token.endsWith('a') ? 'b' : 'a'}.ics` };
    const refused = await fetchFeed(tenant, wrong);
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('not_found');
    expect((await fetchFeed(tenant, { feedId: link.feedId, file: link.token })).status).toBe(200);

    // Another workspace (with the feed installed) does not know this feed, even with the right token.
    const other = await workspace();
    await install(other.id);
    expect((await fetchFeed(other, link)).status).toBe(404);

    // Replacing stops the old link at once; the new one works.
    const replacement = await newLink(tenant, member.cookie);
    expect((await fetchFeed(tenant, link)).status).toBe(404);
    expect((await fetchFeed(tenant, replacement)).status).toBe(200);

    // Stopping it.
    const stopped = await callRoute(stopLink, { method: 'DELETE', path: '/api/app/integrations/calendar-feed/link', tenantId: tenant.id, host: hostOf(tenant), cookie: member.cookie });
    expect(stopped.status).toBe(204);
    expect((await fetchFeed(tenant, replacement)).status).toBe(404);
    expect((await callRoute(linkStatus, { path: '/api/app/integrations/calendar-feed/link', tenantId: tenant.id, host: hostOf(tenant), cookie: member.cookie })).body).toMatchObject({ active: null });
  });

  it('stops serving a member who left the workspace, and every link once the integration is uninstalled', async () => {
    const leaver = await memberWithCookie(tenant);
    const leaverLink = await newLink(tenant, leaver.cookie);
    const stayer = await memberWithCookie(tenant, 'viewer');
    const stayerLink = await newLink(tenant, stayer.cookie);
    expect((await fetchFeed(tenant, leaverLink)).status).toBe(200);
    await db.membership.delete({ where: { tenantId_userId: { tenantId: tenant.id, userId: leaver.userId } } });
    expect((await fetchFeed(tenant, leaverLink)).status).toBe(404);

    expect((await fetchFeed(tenant, stayerLink)).status).toBe(200);
    await db.integrationInstallation.updateMany({ where: { tenantId: tenant.id, provider: 'calendar-feed' }, data: { uninstalledAt: new Date() } });
    expect((await fetchFeed(tenant, stayerLink)).status).toBe(404);
    const notInstalled = await callRoute(createLink, { method: 'POST', path: '/api/app/integrations/calendar-feed/link', tenantId: tenant.id, host: hostOf(tenant), cookie: stayer.cookie });
    expect(notInstalled.status).toBe(409);
    expect(notInstalled.body.code).toBe('integration_not_installed');
    // Installed again: links from before stay dead.
    await db.integrationInstallation.updateMany({ where: { tenantId: tenant.id, provider: 'calendar-feed' }, data: { uninstalledAt: null, installedAt: new Date() } });
    expect((await fetchFeed(tenant, stayerLink)).status).toBe(404);
  });
});
