import { createFormatter } from '../../lib/format/formatter.ts';
import { db, disconnectDb } from '../../lib/db/client.ts';
import type { Language } from '../../lib/i18n/languages.ts';
import { translatorFor } from '../../lib/i18n/translator.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { DEMO_PASSWORD, createWorkspace, tenantUrl } from './support.ts';

// The main journeys (sign in, a goal with progress and a comment, a habit logged) in a German
// and in an Arabic workspace (issue 22). Every label the test looks for comes from the catalog
// of that language through the same translator the server uses, so a screen that still spoke
// English, or another language, would not be found.

test.afterAll(() => disconnectDb());

const LANGUAGES: { language: Language; locale: string; dir: 'ltr' | 'rtl' }[] = [
  { language: 'de', locale: 'de-DE', dir: 'ltr' },
  { language: 'ar', locale: 'ar-EG', dir: 'rtl' },
];

for (const { language, locale, dir } of LANGUAGES) {
  test(`in ${language}: sign in, make a goal, record progress, comment, and log a habit`, async ({ page }) => {
    test.setTimeout(120_000);
    const t = await translatorFor(language);
    const fmt = createFormatter({ locale, timeZone: 'UTC' });
    const { slug, ownerEmail } = await createWorkspace(`journey-${language}`);
    await db.tenant.update({ where: { slug }, data: { locale } });

    // Sign in, on the workspace's page in its language.
    await page.goto(tenantUrl(slug, '/signin'));
    await waitForHydration(page);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.locator('html')).toHaveAttribute('dir', dir);
    await page.getByLabel(t('signin.form.email')).fill(ownerEmail);
    await page.getByLabel(t('signin.form.password')).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: t('signin.form.signIn') }).click();
    await page.waitForURL(tenantUrl(slug, '/'));
    await expect(page.getByRole('link', { name: t('nav.goals') }).first()).toBeAttached();

    // A goal, found by search, with progress.
    const title = `${t('terms.goal')} ${Date.now()}`;
    await page.goto(tenantUrl(slug, '/goals'));
    await waitForHydration(page);
    // The page's own button (an empty list offers the same one again in its middle).
    await page.getByRole('button', { name: t('goals.newGoal') }).first().click();
    const form = page.getByRole('dialog', { name: t('goals.newGoal') }).getByRole('form', { name: t('goals.form.label') });
    await form.getByLabel(t('goals.form.title'), { exact: true }).fill(title);
    await form.getByRole('button', { name: t('goals.form.submit') }).click();
    await page.getByRole('searchbox', { name: t('goals.search') }).fill(title);
    // The search puts itself in the address when it settles (a new workspace's list has only
    // this goal, so the list alone would not show it has): click after that navigation.
    await page.waitForURL(/[?&]q=/);
    const list = page.getByRole('list', { name: t('goals.listLabel') });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await list.getByRole('link', { name: title }).click();
    await page.waitForURL(/\/goals\/[^/?]+$/);
    await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
    await waitForHydration(page);
    await page.getByLabel(t('goalDetail.progress.field'), { exact: true }).fill('40');
    await page.getByRole('button', { name: t('goalDetail.progress.submit') }).click();
    await expect(page.getByRole('status').filter({ hasText: t('goalDetail.progress.saved', { progress: fmt.percent(0.4) }) })).toBeVisible();

    // A comment on it.
    const comment = language === 'de' ? 'Erster langer Lauf erledigt.' : 'أنهيت أول جري طويل.';
    await page.getByRole('textbox', { name: t('comments.add') }).fill(comment);
    await page.getByRole('button', { name: t('comments.submit'), exact: true }).click();
    await expect(page.getByText(comment)).toBeVisible();

    // A habit, logged today.
    const habit = `${t('terms.habit')} ${Date.now()}`;
    await page.goto(tenantUrl(slug, '/habits'));
    await waitForHydration(page);
    await expect(page.getByRole('heading', { level: 1, name: t('habits.title') })).toBeVisible();
    await page.getByRole('button', { name: t('habits.new') }).first().click();
    const habitForm = page.getByRole('dialog', { name: t('habits.new') }).getByRole('form', { name: t('habits.new') });
    await habitForm.getByLabel(t('habits.form.name'), { exact: true }).fill(habit);
    await habitForm.getByRole('button', { name: t('habits.add') }).click();
    await page.getByRole('button', { name: t('habits.log.logLabel', { name: habit }) }).click();
    await expect(page.getByRole('button', { name: t('habits.log.logLabel', { name: habit }) })).toHaveCount(0);

    // Nothing English left in the page's own words on the way: the header's first link.
    await expect(page.getByRole('link', { name: 'Dashboard' })).toHaveCount(0);
  });
}
