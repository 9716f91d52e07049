import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { disconnectDb } from '../../lib/db/client.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { ROUTES, type RouteCase, type RouteSamples, type Visitor } from './routes.ts';
import { cleanUpSamples, contextFor, hostUrl, overflow, PHONE, routeSamples } from './every-route-support.ts';

// Every page (tests/e2e/routes.ts, kept equal to app/**/page.tsx by tests/unit/every-route.test.ts),
// as each visitor who uses it: at 390×844 nothing scrolls sideways
// (document scrollWidth <= innerWidth), and axe finds no serious or critical violation at
// 390×844 or at 1440×900. Each visitor signs in once per worker; its routes run in chunks so
// the two workers share the load. Failures are collected and reported together, with the
// elements that stick out and the axe rule ids and targets.

const DESKTOP = { width: 1440, height: 900 };
const CHUNK = 9;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.afterAll(async () => {
  await cleanUpSamples();
  await disconnectDb();
});

async function seriousViolations(page: Page): Promise<string[]> {
  // The outbox's email preview is left out: it frames an email's own HTML in a sandbox without
  // scripts, where axe cannot run (it waits forever).
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).exclude('iframe[title="Email preview"]').analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 6).join(', ')}${violation.nodes.length > 6 ? ` …+${violation.nodes.length - 6}` : ''}`);
}

/** Every failure on one route as a line each; none when it passes. */
async function checkRoute(page: Page, route: RouteCase, visitor: Visitor, sample: RouteSamples): Promise<string[]> {
  const url = hostUrl(route.host, route.path(sample));
  const label = `${visitor} ${route.host === 'root' ? '' : `${route.host}:`}${route.path(sample).slice(0, 60)}`;
  await page.setViewportSize(PHONE);
  const response = await page.goto(url);
  if (response?.headers()['content-type']?.includes('text/html')) await waitForHydration(page);
  // Client components that fetch on mount: let them settle (bounded; the live stream is refused above).
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  const failures: string[] = [];
  const status = response?.status() ?? 0;
  if (status >= 500) failures.push(`${label}: HTTP ${status}`);
  if (visitor !== 'public' && /\/(operator\/|reseller\/|partner\/)?signin/.test(new URL(page.url()).pathname)) failures.push(`${label}: sent to sign-in (${page.url()})`);
  const wide = await overflow(page);
  if (wide) failures.push(`${label} at 390 px: ${wide}`);
  for (const line of await seriousViolations(page)) failures.push(`${label} axe at 390 px: ${line}`);
  await page.setViewportSize(DESKTOP);
  for (const line of await seriousViolations(page)) failures.push(`${label} axe at 1440 px: ${line}`);
  return failures;
}

const VISITORS: Visitor[] = ['public', 'operator', 'reseller', 'partner', 'owner', 'admin', 'member', 'viewer'];

for (const visitor of VISITORS) {
  const routes = ROUTES.filter((route) => route.visitors.includes(visitor));
  for (let start = 0; start < routes.length; start += CHUNK) {
    const chunk = routes.slice(start, start + CHUNK);
    test(`as ${visitor}: ${chunk.length} pages fit 390 px and pass axe at 390 and 1440 px (${start + 1}–${start + chunk.length} of ${routes.length})`, async ({ browser }) => {
      test.setTimeout(240_000);
      const sample = await routeSamples();
      const context = await contextFor(browser, visitor);
      const page = await context.newPage();
      const failures: string[] = [];
      try {
        for (const route of chunk) failures.push(...(await checkRoute(page, route, visitor, sample)));
      } finally {
        await context.close();
      }
      expect(failures, `\n${failures.join('\n')}\n`).toEqual([]);
    });
  }
}
