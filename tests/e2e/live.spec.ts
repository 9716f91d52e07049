import type { Browser, Page } from '@playwright/test';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { setGoalProgress } from '../../lib/goals/goal-progress.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { contextOf, memberOf } from '../support/factories.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { addMember, createWorkspace, signIn, tenantUrl } from './support.ts';

// Live updates (lib/realtime, components/live) with two people in two browsers: what one
// changes shows up for the other without a reload; a dropped connection catches up; someone
// who may not see a goal receives nothing about it; a blocked stream falls back to polling.

test.afterAll(async () => {
  await disconnectDb();
});

async function person(browser: Browser, slug: string, email: string, path = '/'): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, slug, email);
  await page.waitForURL(tenantUrl(slug));
  await waitForHydration(page);
  if (path !== '/') {
    await page.goto(tenantUrl(slug, path));
    await waitForHydration(page);
  }
  return page;
}

/** The stream is up (the provider marks <html> with its state). */
async function live(page: Page, state: 'open' | 'polling' = 'open'): Promise<void> {
  await expect(page.locator(`html[data-live-state="${state}"]`)).toBeAttached({ timeout: 20_000 });
}

async function acme() {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' }, select: { id: true } });
  const user = async (role: string) => (await db.user.findUniqueOrThrow({ where: { email: `${role}@acme.test` }, select: { id: true } })).id;
  const coaches = await db.team.findFirstOrThrow({ where: { tenantId: tenant.id, name: 'Coaches' }, select: { id: true } });
  return { ctx: await contextOf(tenant.id), tenantId: tenant.id, owner: await user('owner'), member: await user('member'), admin: await user('admin'), coaches: coaches.id };
}

test('a change by one member appears live on the other’s goal page', async ({ browser }) => {
  const a = await acme();
  const goal = await createGoal(a.ctx, await memberOf(a.tenantId, a.owner), { title: `Live goal ${Date.now().toString(36)}`, teamId: a.coaches });
  const owner = await person(browser, 'acme', 'owner@acme.test', `/goals/${goal.id}`);
  const member = await person(browser, 'acme', 'member@acme.test', `/goals/${goal.id}`);
  await live(member);
  await expect(member.getByTestId('goal-progress')).toHaveText('0%');

  await owner.getByRole('spinbutton', { name: 'Progress (%)' }).fill('40');
  await owner.getByRole('button', { name: 'Update progress' }).click();
  await expect(owner.getByTestId('goal-progress')).toHaveText('40%');
  // No reload on the member's side.
  await expect(member.getByTestId('goal-progress')).toHaveText('40%', { timeout: 5_000 });

  await owner.getByRole('button', { name: 'Complete goal' }).click();
  await expect(member.getByTestId('goal-status')).toHaveText('Completed', { timeout: 5_000 });
  await owner.context().close();
  await member.context().close();
});

/** A fresh workspace: its owner and a member in one team. */
async function teamWorkspace() {
  const workspace = await createWorkspace('live');
  const memberEmail = await addMember(workspace.slug, 'member');
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: workspace.slug }, select: { id: true } });
  const ownerId = (await db.user.findUniqueOrThrow({ where: { email: workspace.ownerEmail } })).id;
  const memberId = (await db.user.findUniqueOrThrow({ where: { email: memberEmail } })).id;
  const team = await db.team.create({ data: { tenantId: tenant.id, name: 'Runners' } });
  await db.teamMember.createMany({ data: [ownerId, memberId].map((userId) => ({ tenantId: tenant.id, teamId: team.id, userId })) });
  return { slug: workspace.slug, memberEmail, ctx: await contextOf(tenant.id), owner: await memberOf(tenant.id, ownerId), teamId: team.id };
}

test('a change appears live on a teammate’s dashboard', async ({ browser }) => {
  const w = await teamWorkspace();
  const goal = await createGoal(w.ctx, w.owner, { title: 'Spring relay', teamId: w.teamId });
  const member = await person(browser, w.slug, w.memberEmail);
  await live(member);
  const row = member.getByRole('main').getByRole('listitem').filter({ hasText: 'Spring relay' });
  await expect(row).toContainText('0%');
  await setGoalProgress(w.ctx, w.owner, goal.id, { progress: 65 });
  // The dashboard is rendered on the server: the live message makes it render again.
  await expect(row).toContainText('65%', { timeout: 5_000 });
  await createGoal(w.ctx, w.owner, { title: 'Autumn relay', teamId: w.teamId });
  await expect(member.getByRole('link', { name: 'Autumn relay' })).toBeVisible({ timeout: 5_000 });
  await member.context().close();
});

const LIVE_STREAM = /\/api\/app\/live(\?|$)/;

test('after a dropped connection the page catches up with what changed meanwhile', async ({ browser }) => {
  const w = await teamWorkspace();
  const goal = await createGoal(w.ctx, w.owner, { title: 'Winter relay', teamId: w.teamId });
  const context = await browser.newContext();
  // Keeps the page's EventSources within reach, to break the connection as a network would
  // (Chromium's offline emulation leaves an open stream alone).
  await context.addInitScript(() => {
    const Original = window.EventSource;
    const sources: EventSource[] = [];
    (window as unknown as { liveSources: EventSource[] }).liveSources = sources;
    window.EventSource = class extends Original {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        sources.push(this);
      }
    };
  });
  const member = await context.newPage();
  await signIn(member, w.slug, w.memberEmail);
  await member.waitForURL(tenantUrl(w.slug));
  await waitForHydration(member);
  await live(member);
  // The dashboard: nothing but the live stream refreshes it (React Query would refetch its
  // own queries after a reconnect by itself).
  const row = member.getByRole('main').getByRole('listitem').filter({ hasText: 'Winter relay' });
  await expect(row).toContainText('0%');

  // The connection drops, and reconnecting fails for a while.
  await context.route(LIVE_STREAM, (route) => route.abort());
  await member.evaluate(() => {
    for (const source of (window as unknown as { liveSources: EventSource[] }).liveSources) if (source.readyState !== EventSource.CLOSED) source.dispatchEvent(new Event('error'));
  });
  await expect(member.locator('html[data-live-state="open"]')).toHaveCount(0);
  await setGoalProgress(w.ctx, w.owner, goal.id, { progress: 25 });
  await member.waitForTimeout(1_000);
  await expect(row).toContainText('0%');

  // Back: the stream resumes after the last event it had, and the page catches up.
  await context.unroute(LIVE_STREAM);
  await member.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(row).toContainText('25%', { timeout: 15_000 });
  await live(member);
  await context.close();
});

test('a viewer who may not see a goal receives nothing about it', async ({ browser }) => {
  const a = await acme();
  const memberCtx = await memberOf(a.tenantId, a.member);
  const personal = await createGoal(a.ctx, memberCtx, { title: `Private ${Date.now().toString(36)}` });
  const team = await createGoal(a.ctx, memberCtx, { title: `Shared ${Date.now().toString(36)}`, teamId: a.coaches });
  // The admin (not in Coaches, but an admin) and the viewer (in Coaches) listen to their own streams.
  const admin = await person(browser, 'acme', 'admin@acme.test');
  const viewer = await person(browser, 'acme', 'viewer@acme.test');
  const record = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as { received: string[] };
      w.received = [];
      const source = new EventSource('/api/app/live');
      source.onmessage = (event) => w.received.push(event.data as string);
    });
  await record(admin);
  await record(viewer);
  await expect.poll(() => admin.evaluate(() => (window as unknown as { received?: string[] }).received !== undefined)).toBe(true);
  await admin.waitForTimeout(1_000);
  await setGoalProgress(a.ctx, memberCtx, personal.id, { progress: 10 });
  await setGoalProgress(a.ctx, memberCtx, team.id, { progress: 10 });
  const received = (page: Page) => page.evaluate(() => (window as unknown as { received: string[] }).received.join('\n'));
  // The team goal's event reaches both (it was sent after the personal one)…
  await expect.poll(() => received(admin), { timeout: 10_000 }).toContain(team.id);
  await expect.poll(() => received(viewer), { timeout: 10_000 }).toContain(team.id);
  // …the personal goal's never does, not even its id.
  expect(await received(admin)).not.toContain(personal.id);
  expect(await received(viewer)).not.toContain(personal.id);
  await admin.context().close();
  await viewer.context().close();
});

test('where a proxy blocks the stream, the page polls and still updates', async ({ browser }) => {
  const a = await acme();
  const goal = await createGoal(a.ctx, await memberOf(a.tenantId, a.owner), { title: `Polled goal ${Date.now().toString(36)}`, teamId: a.coaches });
  const context = await browser.newContext();
  await context.route(LIVE_STREAM, (route) => route.abort());
  const page = await context.newPage();
  await signIn(page, 'acme', 'member@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await page.goto(tenantUrl('acme', `/goals/${goal.id}`));
  await waitForHydration(page);
  await live(page, 'polling');
  await setGoalProgress(a.ctx, await memberOf(a.tenantId, a.owner), goal.id, { progress: 55 });
  await expect(page.getByTestId('goal-progress')).toHaveText('55%', { timeout: 15_000 });
  await context.close();
});
