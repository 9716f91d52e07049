import { expect, test } from './fixtures.ts';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { ROOT, createWorkspace, signIn, tenantUrl } from './support.ts';

// A page speaks the workspace's language (lib/i18n/choose-language.ts), right to left in
// Arabic; on the root domain, where there is no workspace, the browser's.

test.afterAll(() => disconnectDb());

async function workspaceIn(locale: string): Promise<string> {
  const { slug } = await createWorkspace('lang');
  await db.tenant.update({ where: { slug }, data: { locale } });
  return slug;
}

test('a workspace in Arabic renders right to left, in Arabic, whatever the browser asks', async ({ page }) => {
  const slug = await workspaceIn('ar-SA');
  await page.goto(tenantUrl(slug, '/signin'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('a[href="#main"]')).toHaveText('انتقل إلى المحتوى');
  await expect(page.getByTestId('powered-by')).toHaveText('مدعوم من Waypoint');
  await expect(page.getByRole('banner').getByRole('link', { name: 'تسجيل الدخول' })).toBeVisible();
});

test("a member's own language wins over the workspace's", async ({ page }) => {
  const { slug, ownerEmail } = await createWorkspace('lang');
  await signIn(page, slug, ownerEmail);
  await expect(page.getByRole('link', { name: 'Dashboard' }).first()).toBeAttached();
  const owner = await db.user.findUniqueOrThrow({ where: { email: ownerEmail }, select: { id: true } });
  await db.membership.updateMany({ where: { userId: owner.id }, data: { locale: 'de-DE' } });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('link', { name: 'Übersicht' }).first()).toBeAttached();
  await expect(page.getByRole('link', { name: 'Dashboard' })).toHaveCount(0);
});

test('a workspace in German speaks German, left to right', async ({ page }) => {
  const slug = await workspaceIn('de-DE');
  await page.goto(tenantUrl(slug, '/signin'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('a[href="#main"]')).toHaveText('Zum Inhalt springen');
});

test.describe('on the root domain', () => {
  test.use({ locale: 'ja-JP' });

  test("the browser's language is used", async ({ page }) => {
    await page.goto(ROOT);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.locator('a[href="#main"]')).toHaveText('コンテンツへスキップ');
  });
});
