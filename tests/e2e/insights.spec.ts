import { expect, test } from './fixtures.ts';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { addDays, localDateIn, toDbDate } from '../../lib/habits/local-date.ts';
import { refreshMemberInsights } from '../../lib/insights/run-insights.ts';
import { instantOf } from '../../lib/integrations/calendar-feed/zone-time.ts';
import { addMember, createWorkspace, signIn, tenantUrl } from './support.ts';

// Insights in the browser: a member whose daily habit is logged every day just after
// midnight, and not yet today, sees their streak at risk on the dashboard (the rules run as
// the job would after their activity), dismisses it, and it stays dismissed. At 390 px wide.

test.afterAll(async () => {
  await disconnectDb();
});

test('a member sees their streak at risk on the dashboard and dismisses it', async ({ page }) => {
  test.slow();
  const workspace = await createWorkspace('insights');
  const email = await addMember(workspace.slug, 'member');
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: workspace.slug }, select: { id: true, timeZone: true } });
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const today = localDateIn(tenant.timeZone);
  const habit = await db.habit.create({ data: { tenantId: tenant.id, userId: user.id, name: 'Evening stretch', createdAt: instantOf(tenant.timeZone, addDays(today, -14), 0, 0) } });
  await db.habitLog.createMany({
    data: Array.from({ length: 14 }, (_, i) => addDays(today, -14 + i)).map((date) => ({ tenantId: tenant.id, habitId: habit.id, userId: user.id, date: toDbDate(date), createdAt: instantOf(tenant.timeZone, date, 0, 0) })),
  });
  await refreshMemberInsights(tenant.id, user.id);

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, workspace.slug, email);
  await page.waitForURL(tenantUrl(workspace.slug));
  const insight = page.getByTestId('insight-streak_at_risk');
  await expect(insight).toContainText('Your streak on Evening stretch (14 days) is at risk');
  await expect(insight.getByRole('link')).toHaveAttribute('href', `/habits/${habit.id}`);
  // Nothing sticks out sideways at 390 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const answered = page.waitForResponse((response) => response.url().endsWith('/dismiss') && response.request().method() === 'POST');
  await insight.getByRole('button', { name: 'Dismiss this insight' }).click();
  // Gone at once (optimistic), and the server agreed.
  await expect(insight).toHaveCount(0);
  expect((await answered).status()).toBe(204);
  await expect(page.getByTestId('insights-empty')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('insights-empty')).toBeVisible();
  expect(await db.insightDismissal.count({ where: { tenantId: tenant.id, userId: user.id } })).toBe(1);
});
