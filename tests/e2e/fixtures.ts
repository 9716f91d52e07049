import { test as base, expect, type Page } from '@playwright/test';

// Pages are server-rendered and become interactive once React hydrates. A person sees the
// page and then acts; the tests wait for the same moment after every navigation.
/** For pages made outside the fixture (e.g. a second browser context). */
export function waitForHydration(page: Page): Promise<void> {
  return page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
}

export const test = base.extend({
  page: async ({ page }, provide) => {
    const goto = page.goto.bind(page);
    page.goto = async (...args: Parameters<typeof goto>) => {
      const response = await goto(...args);
      if (response?.headers()['content-type']?.includes('text/html')) await waitForHydration(page);
      return response;
    };
    const waitForURL = page.waitForURL.bind(page);
    page.waitForURL = async (...args: Parameters<typeof waitForURL>) => {
      await waitForURL(...args);
      await waitForHydration(page);
    };
    await provide(page);
  },
});

export { expect };
