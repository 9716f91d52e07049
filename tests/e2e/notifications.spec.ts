import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test, waitForHydration } from './fixtures.ts';
import { addMember, browserFetch, createWorkspace, signIn, tenantUrl } from './support.ts';

// Notifications in the browser: a mention by one member reaches another's bell live (through
// the domain event, its dispatch job and the live stream), the notification center marks read,
// preferences stick, a habit gets a reminder, and an email's unsubscribe link works signed out.

async function db() {
  return (await import('../../lib/db/client.ts')).db;
}

async function setup() {
  const { slug, ownerEmail } = await createWorkspace('notif');
  const memberEmail = await addMember(slug, 'member');
  const client = await db();
  const tenant = await client.tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const [owner, member] = await Promise.all([ownerEmail, memberEmail].map((email) => client.user.findUniqueOrThrow({ where: { email }, select: { id: true } })));
  const team = await client.team.create({ data: { tenantId: tenant.id, name: 'Crew' } });
  await client.teamMember.createMany({ data: [owner, member].map((u) => ({ tenantId: tenant.id, teamId: team.id, userId: u.id })) });
  const goal = await client.goal.create({ data: { tenantId: tenant.id, ownerId: owner.id, teamId: team.id, title: 'Ship the spring program' } });
  return { slug, ownerEmail, memberEmail, tenantId: tenant.id, ownerId: owner.id, memberId: member.id, goalId: goal.id };
}

async function signedIn(browser: Browser, slug: string, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, slug, email);
  await page.waitForURL(tenantUrl(slug));
  await waitForHydration(page);
  return page;
}

async function mention(page: Page, goalId: string, userId: string, text: string): Promise<void> {
  const answer = await browserFetch(page, `/api/app/goals/${goalId}/comments`, { method: 'POST', json: { body: `${text} <@${userId}>` } });
  expect(answer.status, answer.body).toBe(201);
}

test('a mention reaches the bell live; the center marks one and then all read', async ({ browser, page }) => {
  const s = await setup();
  await signIn(page, s.slug, s.memberEmail);
  await page.waitForURL(tenantUrl(s.slug));
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toBeVisible();
  await expect(page.getByTestId('notification-count')).toHaveCount(0);

  const owner = await signedIn(browser, s.slug, s.ownerEmail);
  await mention(owner, s.goalId, s.memberId, 'Great pace');
  await expect(page.getByTestId('notification-count')).toHaveText('1', { timeout: 20_000 });
  await mention(owner, s.goalId, s.memberId, 'Look at this');
  await expect(page.getByTestId('notification-count')).toHaveText('2', { timeout: 20_000 });
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread');

  await bell.click();
  await page.waitForURL(tenantUrl(s.slug, '/notifications'));
  const items = page.getByTestId('notification-item');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('mentioned you on Ship the spring program');
  await items.first().getByRole('button', { name: /^Mark read/ }).click();
  await expect(page.getByTestId('notification-count')).toHaveText('1');
  await expect(page.getByTestId('unread-summary')).toHaveText('1 unread');
  await page.getByRole('button', { name: 'Mark all read' }).click();
  await expect(page.getByTestId('unread-summary')).toHaveText('All caught up.');
  await expect(page.getByTestId('notification-count')).toHaveCount(0);
  // It leads to the goal.
  await items.first().getByRole('link').click();
  await page.waitForURL(tenantUrl(s.slug, `/goals/${s.goalId}`));
  await owner.context().close();
});

test('preferences per type and the digest cadence are saved', async ({ page }) => {
  const s = await setup();
  await signIn(page, s.slug, s.memberEmail);
  await page.waitForURL(tenantUrl(s.slug));
  await page.goto(tenantUrl(s.slug, '/account/notifications'));
  const form = page.getByRole('form', { name: 'Notification preferences' });
  await form.getByLabel('Mentions').selectOption('none');
  await form.getByLabel('Kudos').selectOption('email');
  await form.getByRole('radio', { name: 'Weekly digest (Mondays)' }).check();
  await form.getByRole('button', { name: 'Save notification preferences' }).click();
  await expect(form.getByText('Saved.')).toBeVisible();
  await page.reload();
  await expect(form.getByLabel('Mentions')).toHaveValue('none');
  await expect(form.getByLabel('Kudos')).toHaveValue('email');
  await expect(form.getByRole('radio', { name: 'Weekly digest (Mondays)' })).toBeChecked();
  // The existing email topics stay on the page.
  await expect(page.getByRole('heading', { name: 'Always sent' })).toBeVisible();
});

test('a habit gets a reminder, snoozes it and removes it', async ({ page }) => {
  const s = await setup();
  const client = await db();
  const habit = await client.habit.create({ data: { tenantId: s.tenantId, userId: s.memberId, name: 'Evening walk' } });
  await signIn(page, s.slug, s.memberEmail);
  await page.waitForURL(tenantUrl(s.slug));
  await page.goto(tenantUrl(s.slug, `/habits/${habit.id}`));
  const form = page.getByRole('form', { name: 'Reminder' });
  await form.getByLabel('Remind me at').fill('07:30');
  await form.getByRole('button', { name: 'Set reminder' }).click();
  await expect(form.getByText('Reminder saved.')).toBeVisible();
  await expect(form.getByTestId('reminder-next')).toBeVisible();
  const stored = await client.habitReminder.findUniqueOrThrow({ where: { habitId: habit.id } });
  expect(stored.time).toBe('07:30');
  await form.getByRole('button', { name: 'Snooze 1 hour' }).click();
  await expect(form.getByTestId('reminder-next')).toContainText('(snoozed)');
  await form.getByRole('button', { name: 'Remove' }).click();
  await expect(form.getByText('Reminder removed.')).toBeVisible();
  expect(await client.habitReminder.count({ where: { habitId: habit.id } })).toBe(0);
});

test('an email’s unsubscribe link asks first, then works signed out', async ({ page }) => {
  const s = await setup();
  const { unsubscribeQuery } = await import('../../lib/notifications/unsubscribe.ts');
  await page.goto(tenantUrl(s.slug, `/unsubscribe?${unsubscribeQuery(s.tenantId, s.memberId, 'all')}`));
  await expect(page.getByRole('heading', { name: 'Unsubscribe', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByRole('status')).toContainText('you will no longer get notification emails');
  const membership = await (await db()).membership.findFirstOrThrow({ where: { tenantId: s.tenantId, userId: s.memberId } });
  expect((membership.notificationSettings as { types?: Record<string, string> }).types?.mention).toBe('in_app');
  await page.goto(tenantUrl(s.slug, '/unsubscribe?u=x&s=all&t=forged'));
  await expect(page.getByText('This unsubscribe link is not valid.')).toBeVisible();
});

test('the notification pages fit 390 px and pass axe, with notifications and a reminder shown', async ({ page }) => {
  const s = await setup();
  const client = await db();
  const habit = await client.habit.create({ data: { tenantId: s.tenantId, userId: s.memberId, name: 'Read a chapter' } });
  await client.habitReminder.create({ data: { tenantId: s.tenantId, habitId: habit.id, userId: s.memberId, time: '21:15', nextAt: new Date(Date.now() + 3600_000) } });
  await client.notification.createMany({
    data: [
      { tenantId: s.tenantId, userId: s.memberId, type: 'goal_due_soon', subjectType: 'goal', subjectId: s.goalId, data: { title: 'Ship the spring program with a rather long title that has to wrap on a phone', goalId: s.goalId, targetDate: '2026-12-24' }, dedupeKey: 'e2e-1' },
      { tenantId: s.tenantId, userId: s.memberId, type: 'habit_reminder', subjectType: 'habit', subjectId: habit.id, data: { title: 'Read a chapter' }, dedupeKey: 'e2e-2', readAt: new Date() },
    ],
  });
  const { unsubscribeQuery } = await import('../../lib/notifications/unsubscribe.ts');
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, s.slug, s.memberEmail);
  await page.waitForURL(tenantUrl(s.slug));
  for (const path of ['/notifications', '/account/notifications', `/habits/${habit.id}`, `/unsubscribe?${unsubscribeQuery(s.tenantId, s.memberId, 'habit_reminder')}`]) {
    await page.goto(tenantUrl(s.slug, path));
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path} fits 390 px`).toBe(true);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
