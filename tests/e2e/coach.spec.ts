import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { addMember, createWorkspace, signIn, signOut, tenantUrl } from './support.ts';

// The AI coach in the browser, against the fake OpenAI-compatible provider the e2e run starts
// (tests/support/fakes/openai.ts, COACH_* set by tests/support/fakes/serve-app.ts): the owner
// reads the data-use notice and turns the coach on; a member asks, watches the answer stream
// in, and adds the habit it proposes with one click; at 390 px nothing overflows, and axe finds
// nothing serious on the states every-route.spec.ts cannot reach (the notice with its switch, a
// chat with a proposal).

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('an owner turns the coach on after its notice; a member chats, sees the answer stream, and adds the proposed habit', async ({ page }) => {
  const { slug, ownerEmail } = await createWorkspace('coach');
  const memberEmail = await addMember(slug);

  await signIn(page, slug, ownerEmail);
  await page.waitForURL(tenantUrl(slug));
  await page.goto(tenantUrl(slug, '/coach'));
  await expect(page.getByRole('link', { name: 'Coach settings' })).toBeVisible();
  await page.goto(tenantUrl(slug, '/settings/coach'));
  await expect(page.getByTestId('coach-notice')).toContainText('127.0.0.1');
  expect(await seriousViolations(page)).toEqual([]);
  await expect(page.getByTestId('coach-switch-status')).toHaveText('The coach is off.');
  const turnOn = page.getByRole('button', { name: 'Turn the coach on' });
  await expect(turnOn).toBeDisabled();
  await page.getByRole('checkbox', { name: /I have read what the coach sends/ }).check();
  await turnOn.click();
  await expect(page.getByTestId('coach-switch-status')).toContainText('The coach is on since');
  await signOut(page);
  await page.waitForURL(tenantUrl(slug, '/signin'));

  await signIn(page, slug, memberEmail);
  await page.waitForURL(tenantUrl(slug));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(tenantUrl(slug, '/coach'));
  await expect(page.getByTestId('coach-budget')).toContainText('coach tokens used this period');
  await page.getByLabel('Your question').fill('Suggest a habit for my afternoons, slowly please');
  await page.getByRole('button', { name: 'Send' }).click();
  // The answer shows while it is being written, before the whole of it has arrived.
  const streaming = page.getByTestId('coach-streaming');
  await expect(streaming).toContainText('A short walk');
  await expect(streaming).not.toContainText('Shall I add it?');
  const answer = page.getByTestId('coach-message-assistant');
  await expect(answer).toContainText('A short walk after lunch is an easy start. Shall I add it?');
  await expect(streaming).toHaveCount(0);
  const proposal = answer.getByTestId('coach-proposal');
  await expect(proposal).toContainText('Walk after lunch');
  await expect(proposal).toContainText('Every day');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await proposal.getByRole('button', { name: 'Add it' }).click();
  await expect(proposal.getByRole('status')).toContainText('Added.');
  await expect(page.getByTestId('coach-conversations')).toContainText('Suggest a habit for my afternoons');
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(tenantUrl(slug, '/habits'));
  await expect(page.getByText('Walk after lunch')).toBeVisible();
  // The conversation is still there, with its proposal added, after a reload.
  await page.goto(tenantUrl(slug, '/coach'));
  await expect(page.getByTestId('coach-message-assistant').getByTestId('coach-proposal').getByRole('status')).toContainText('Added.');
});
