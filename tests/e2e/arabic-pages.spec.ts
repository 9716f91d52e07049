import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../lib/auth/password.ts';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { cleanUpSamples, contextFor, hostUrl, overflow, PHONE, routeSamples } from './every-route-support.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { ROUTES, type RouteCase, type Visitor } from './routes.ts';
import { DEMO_PASSWORD } from './support.ts';

// Every main page in Arabic (issue 22), once each, as the first visitor its route lists: right
// to left (<html lang="ar" dir="rtl">) and at 390 px nothing sticking out on either side.
// Inside a workspace the page speaks the member's language, so acme gets members whose own
// locale is Arabic (one per role, made here and removed after); on the root domain (operator,
// reseller and partner consoles, sign-up) the browser asks for Arabic. A workspace's pages
// before sign-in speak the workspace's language: an Arabic workspace's are in
// languages.spec.ts. axe runs in every-route.spec.ts, in English; layout is what changes here.

const CHUNK = 14;
const TENANT_VISITORS: Visitor[] = ['owner', 'admin', 'member', 'viewer'];

const made: string[] = [];
const personas = new Map<Visitor, string>();

test.beforeAll(async () => {
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' }, select: { id: true } });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const id = randomBytes(4).toString('hex');
  for (const role of TENANT_VISITORS) {
    const email = `arabic-${role}-${id}@acme.test`;
    const user = await db.user.create({ data: { email, name: `عربي ${role}`, passwordHash, emailVerifiedAt: new Date() } });
    made.push(user.id);
    await db.membership.create({ data: { tenantId: acme.id, userId: user.id, role: role as 'owner' | 'admin' | 'member' | 'viewer', locale: 'ar-EG' } });
    personas.set(role, email);
  }
});

test.afterAll(async () => {
  await cleanUpSamples();
  await db.membership.deleteMany({ where: { userId: { in: made } } });
  await db.user.deleteMany({ where: { id: { in: made } } });
  await disconnectDb();
});

/** Each route once: as its first visitor; tenant routes for signed-in people only. */
const CASES = ROUTES.flatMap((route) => {
  const visitor = route.visitors[0];
  if (route.host !== 'root' && visitor === 'public') return [];
  return [{ route, visitor }];
});

async function checkInArabic(page: import('@playwright/test').Page, route: RouteCase, visitor: Visitor, samples: Awaited<ReturnType<typeof routeSamples>>): Promise<string[]> {
  const path = route.path(samples);
  const label = `${visitor} ${route.host === 'root' ? '' : `${route.host}:`}${path.slice(0, 60)}`;
  const response = await page.goto(hostUrl(route.host, path));
  const html = response?.headers()['content-type']?.includes('text/html');
  if (html) await waitForHydration(page);
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  const failures: string[] = [];
  if ((response?.status() ?? 0) >= 500) failures.push(`${label}: HTTP ${response?.status()}`);
  if (!html) return failures;
  const root = await page.locator('html').evaluate((el) => ({ lang: el.getAttribute('lang'), dir: el.getAttribute('dir') }));
  if (root.lang !== 'ar' || root.dir !== 'rtl') failures.push(`${label}: html lang=${root.lang} dir=${root.dir}`);
  const wide = await overflow(page);
  if (wide) failures.push(`${label} at 390 px: ${wide}`);
  return failures;
}

// One browser per visitor and chunk, as every-route.spec.ts does: a context per page would
// double the time.
const byVisitor = new Map<Visitor, RouteCase[]>();
for (const { route, visitor } of CASES) byVisitor.set(visitor, [...(byVisitor.get(visitor) ?? []), route]);

for (const [visitor, routes] of byVisitor) {
  for (let start = 0; start < routes.length; start += CHUNK) {
    const chunk = routes.slice(start, start + CHUNK);
    test(`in Arabic, as ${visitor}: ${chunk.length} pages are right to left and fit 390 px (${start + 1}–${start + chunk.length} of ${routes.length})`, async ({ browser }) => {
      test.setTimeout(240_000);
      const samples = await routeSamples();
      const persona = (v: Visitor) => personas.get(v) ?? `${v}@acme.test`;
      const context = await contextFor(browser, visitor, persona, { locale: 'ar' });
      await context.route(/\/api\/app\/live(\?|$)/, (r) => r.abort());
      const page = await context.newPage();
      await page.setViewportSize(PHONE);
      const failures: string[] = [];
      try {
        for (const route of chunk) failures.push(...(await checkInArabic(page, route, visitor, samples)));
      } finally {
        await context.close();
      }
      expect(failures, `\n${failures.join('\n')}\n`).toEqual([]);
    });
  }
}
