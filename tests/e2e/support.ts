import { expect, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';

export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const ROOT = `http://localhost:${PORT}`;
export const DEMO_PASSWORD = 'waypoint-demo';

export function tenantUrl(slug: string, path = '/'): string {
  return `http://${slug}.localhost:${PORT}${path}`;
}

export async function signIn(page: Page, slug: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(tenantUrl(slug, '/signin'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function cssVariable(page: Page, name: string): Promise<string> {
  return page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);
}

export async function expectSignedIn(page: Page, role: string): Promise<void> {
  await expect(page.getByTestId('member-role')).toHaveText(role);
}

/**
 * An HTTP request "to" a tenant host from the test process. Node cannot resolve
 * *.localhost (Chromium can), so it goes to 127.0.0.1 with the Host header set.
 */
export function hostRequest(
  request: APIRequestContext,
  method: 'GET' | 'POST',
  host: string,
  path: string,
  options: { data?: Buffer; headers?: Record<string, string> } = {},
): Promise<APIResponse> {
  return request.fetch(`http://127.0.0.1:${PORT}${path}`, { method, data: options.data, headers: { ...options.headers, host: `${host}:${PORT}` } });
}
