import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { browserFetch, signIn, tenantUrl } from './support.ts';

// Charts at phone width (390×844): axes, a tooltip on hover, the current period marked, and
// no horizontal scroll (the old hidden data table pushed the dashboard 27 px wide).

test.use({ viewport: { width: 390, height: 844 } });

const uniqueName = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function noHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test('the dashboard chart has axes, a tooltip on hover, this week marked, and no horizontal scroll at 390 px', async ({ page }) => {
  await signIn(page, 'acme', 'member@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  const chart = page.getByTestId('completions-chart');
  await chart.scrollIntoViewIfNeeded();
  // Recharts draws once it has measured its box in the browser (tick labels sit in their own layer).
  const ticks = chart.locator('text.recharts-cartesian-axis-tick-value');
  await expect(ticks.first()).toBeVisible();
  // Both axes are labelled: week starts ("Sep 14") along the bottom, counts up the side.
  await expect(chart).toContainText(/[A-Z][a-z]{2} \d{1,2}/);
  const labels = await ticks.allTextContents();
  expect(labels.filter((label) => /^\d+$/.test(label)).length).toBeGreaterThan(1);
  // Week labels thin out to fit 390 px: fewer than the 12 weeks, none under 12 px.
  const weekLabels = labels.filter((label) => /[A-Za-z]/.test(label));
  expect(weekLabels.length).toBeGreaterThan(1);
  expect(weekLabels.length).toBeLessThan(12);
  const fontSize = await ticks.first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(12);
  await expect(chart.locator('.recharts-reference-area')).toHaveCount(1);
  // The marker's label is whole: it ends inside the chart, not cut at its right edge ("This we").
  const marker = chart.locator('svg text', { hasText: 'This week' });
  await expect(marker).toHaveCount(1);
  const svgBox = (await chart.locator('svg.recharts-surface').first().boundingBox())!;
  const markerBox = (await marker.boundingBox())!;
  expect(markerBox.x).toBeGreaterThanOrEqual(svgBox.x);
  expect(markerBox.x + markerBox.width).toBeLessThanOrEqual(svgBox.x + svgBox.width);

  // Hover the last (current) week: the tooltip names it and lists both series.
  const box = (await chart.locator('.recharts-cartesian-grid').boundingBox())!;
  await page.mouse.move(box.x + box.width - 6, box.y + box.height / 2);
  const tooltip = page.getByTestId('chart-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('(this week)');
  await expect(tooltip).toContainText('Habits logged');
  await expect(tooltip).toContainText('Goals completed');

  // The text alternative is there for screen readers, inside a box that cannot widen the page.
  await expect(page.getByRole('table', { name: /Completions per week/ })).toHaveCount(1);
  await noHorizontalScroll(page);
});

test('the habit heatmap marks today and describes a day on hover', async ({ page }) => {
  await signIn(page, 'acme', 'member@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  const created = await browserFetch(page, '/api/app/habits', { method: 'POST', json: { name: uniqueName('Heatmap') } });
  expect(created.status).toBe(201);
  const habit = JSON.parse(created.body) as { id: string; name: string };

  await page.goto(tenantUrl('acme', `/habits/${habit.id}`));
  const heatmap = page.getByTestId('habit-heatmap');
  await expect(heatmap).toContainText('Last 8 weeks');
  const today = heatmap.getByTestId('heatmap-today');
  await expect(today).toHaveCount(1);
  await expect(today).toHaveAttribute('aria-current', 'date');
  await expect(today).toHaveAttribute('data-state', 'missed');
  // At 390 px the eight weeks fit their card: nothing to scroll to, today's column in view.
  const fits = await heatmap.evaluate((table) => {
    const box = table.parentElement!;
    const todayCell = table.querySelector('[data-testid="heatmap-today"]')!.getBoundingClientRect();
    return { scrolls: box.scrollWidth > box.clientWidth, todayInside: todayCell.right <= box.getBoundingClientRect().right };
  });
  expect(fits).toEqual({ scrolls: false, todayInside: true });

  await today.hover();
  await expect(page.getByTestId('heatmap-detail')).toContainText('(today): not done');
  // Logging today from the heatmap fills today's cell.
  await today.click();
  await expect(today).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('current-streak')).toHaveText('1 day');
  await noHorizontalScroll(page);
});

test('goal progress over time is drawn from the progress log', async ({ page }) => {
  await signIn(page, 'acme', 'member@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  const created = await browserFetch(page, '/api/app/goals', { method: 'POST', json: { title: uniqueName('Chart goal') } });
  expect(created.status).toBe(201);
  const goal = JSON.parse(created.body) as { id: string };
  for (const progress of [20, 55]) expect((await browserFetch(page, `/api/app/goals/${goal.id}/progress`, { method: 'POST', json: { progress } })).status).toBe(200);

  await page.goto(tenantUrl('acme', `/goals/${goal.id}`));
  const chart = page.getByTestId('progress-chart');
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator('.recharts-line-curve')).toBeVisible();
  await expect(chart.locator('text.recharts-cartesian-axis-tick-value').filter({ hasText: '100%' })).toHaveCount(1);
  await expect(chart).toContainText('Today');
  await expect(page.getByRole('table', { name: /after each change/ })).toContainText('55%');
  // The chart stays inside the page's width. (The whole goal page is not checked here: its
  // milestone form is the mobile-overflow test's to fix.)
  const section = (await page.getByRole('region', { name: 'Progress over time' }).boundingBox())!;
  expect(section.x + section.width).toBeLessThanOrEqual(390);
  const svg = (await chart.locator('svg.recharts-surface').boundingBox())!;
  expect(svg.x + svg.width).toBeLessThanOrEqual(section.x + section.width);
});

test('a chart drawn at desktop width does not widen the page while it redraws for a phone', async ({ page }) => {
  // Recharts redraws at the new width only when its ResizeObserver reports; until then its
  // drawing keeps the old width. Hold those reports to look at the page in between.
  await page.addInitScript(() => {
    const Native = window.ResizeObserver;
    const state = window as unknown as { __holdResize: boolean; __heldResize: (() => void)[] };
    state.__holdResize = false;
    state.__heldResize = [];
    window.ResizeObserver = class extends Native {
      constructor(callback: ResizeObserverCallback) {
        super((entries, observer) => (state.__holdResize ? state.__heldResize.push(() => callback(entries, observer)) : callback(entries, observer)));
      }
    };
  });
  await page.setViewportSize({ width: 1280, height: 844 });
  await signIn(page, 'acme', 'member@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  const chart = page.getByTestId('completions-chart');
  const surface = chart.locator('svg.recharts-surface').first();
  await expect(surface).toBeVisible();
  expect((await surface.boundingBox())!.width).toBeGreaterThan(390);

  await page.evaluate(() => ((window as unknown as { __holdResize: boolean }).__holdResize = true));
  await page.setViewportSize({ width: 390, height: 844 });
  await noHorizontalScroll(page);

  await page.evaluate(() => {
    const state = window as unknown as { __holdResize: boolean; __heldResize: (() => void)[] };
    state.__holdResize = false;
    for (const report of state.__heldResize.splice(0)) report();
  });
  await expect.poll(async () => (await surface.boundingBox())!.width).toBeLessThanOrEqual(390);
  await noHorizontalScroll(page);
});
