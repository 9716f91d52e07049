import { Webhook } from 'standardwebhooks';
import { startWebhookReceiver } from '../support/webhook-receiver.ts';
import { expect, test } from './fixtures.ts';
import { browserFetch, signIn, tenantUrl } from './support.ts';

// Webhook endpoints in the settings. Creating one vets its URL: the server resolves the host
// with the system resolver (not Chromium's host rules, and there is no DNS here), and refuses
// private and loopback addresses. So the URL is a public address written as a literal, and
// the endpoint is created switched off and subscribed to one rare event type: nothing is ever
// sent to it, whatever else the other tests do in acme.

test('an admin adds a webhook endpoint, sees its secret once, finds it in the list, and deletes it', async ({ page }) => {
  const url = `https://93.184.216.34/waypoint/e2e-${Date.now()}`;
  await signIn(page, 'acme', 'admin@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await page.goto(tenantUrl('acme', '/developers'));
  await page.getByRole('navigation', { name: 'Developers' }).getByRole('link', { name: 'Webhooks' }).click();
  await page.waitForURL(tenantUrl('acme', '/developers/webhooks'));
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();

  // The catalog is on the page, each type with an example body.
  const catalog = page.getByTestId('event-catalog');
  await expect(catalog.getByRole('heading', { name: 'goal.completed' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Add endpoint' });
  await form.getByLabel('Endpoint URL').fill(url);
  await form.getByLabel('Description (optional)').fill('E2E receiver');
  await form.getByRole('radio', { name: 'Only the event types I choose' }).check();
  await form.getByRole('checkbox', { name: 'team.member_removed', exact: true }).check();
  await form.getByRole('button', { name: 'Add header' }).click();
  await form.getByLabel('Header name 1').fill('X-Team');
  await form.getByLabel('Header value 1').fill('e2e');
  await form.getByRole('checkbox', { name: /^Enabled/ }).uncheck();
  const created = page.waitForResponse((response) => response.url().endsWith('/api/app/webhooks') && response.request().method() === 'POST');
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  expect((await created).status()).toBe(201);

  await expect(page.getByText("Copy this signing secret now. You won't see it again.")).toBeVisible();
  const secret = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
  await expect(page.getByRole('heading', { name: `Signing secret for ${url}` })).toBeFocused();

  const item = page.getByTestId('webhook-endpoint-item').filter({ hasText: url });
  await expect(item).toBeVisible();
  await expect(item.getByTestId('webhook-endpoint-status')).toHaveText('Disabled');
  await expect(item).toContainText('E2E receiver');
  await expect(item).toContainText('team.member_removed');

  // Once dismissed, the secret is gone for good: not on the page, not in the list's data.
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('webhook-secret')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('webhook-endpoint-item').filter({ hasText: url })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  const listed = await browserFetch(page, '/api/app/webhooks');
  expect(listed.status).toBe(200);
  expect(listed.body).not.toContain('whsec_');

  // The endpoint's own page: its settings, an empty delivery log, and delete.
  await page.getByTestId('webhook-endpoint-item').filter({ hasText: url }).getByRole('link', { name: url }).click();
  await page.waitForURL(/\/developers\/webhooks\/whk_/);
  await expect(page.getByRole('heading', { name: url, level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Developers' }).getByRole('link', { name: 'Webhooks' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('No deliveries yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enable endpoint' })).toBeVisible();

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Delete endpoint' }).click();
  await page.waitForURL(tenantUrl('acme', '/developers/webhooks'));
  await expect(page.getByTestId('webhook-endpoint-item').filter({ hasText: url })).toHaveCount(0);
});

test('a member gets the forbidden page and no Webhooks tab, and the routes refuse them', async ({ page }) => {
  await signIn(page, 'acme', 'member@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await page.goto(tenantUrl('acme', '/developers'));
  await expect(page.getByRole('navigation', { name: 'Developers' }).getByRole('link', { name: 'API keys' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Developers' }).getByRole('link', { name: 'Webhooks' })).toHaveCount(0);

  const response = await page.goto(tenantUrl('acme', '/developers/webhooks'));
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();

  const api = await browserFetch(page, '/api/app/webhooks', { method: 'POST', json: { url: 'https://93.184.216.34/member' } });
  expect(api.status).toBe(403);
  expect(api.contentType).toContain('application/problem+json');
});

test('an admin sends a test event to a live receiver, reads the delivery log, and replays a failed delivery', async ({ page }) => {
  const receiver = await startWebhookReceiver();
  try {
    let answer = { status: 200, body: '<b>thanks</b>' };
    receiver.respond('/live', () => answer);
    await signIn(page, 'acme', 'admin@acme.test');
    await page.waitForURL(tenantUrl('acme'));
    // Disabled, so the other tests' activity in acme sends it nothing; tests are sent anyway.
    const created = await browserFetch(page, '/api/app/webhooks', { method: 'POST', json: { url: receiver.url('/live'), enabled: false } });
    expect(created.status, created.body).toBe(201);
    const { endpoint, secret } = JSON.parse(created.body) as { endpoint: { id: string }; secret: string };

    await page.goto(tenantUrl('acme', `/developers/webhooks/${endpoint.id}`));
    const test = page.getByRole('form', { name: 'Send a test event' });
    await test.getByLabel('Event type').selectOption('goal.completed');
    await test.getByRole('button', { name: 'Send test event' }).click();

    // The receiver gets a Standard Webhooks delivery it can verify with the secret.
    await receiver.waitFor((all) => all.length === 1);
    const payload = new Webhook(secret).verify(receiver.received[0].body, receiver.received[0].headers) as { type: string; data: { title: string } };
    expect(payload).toMatchObject({ type: 'goal.completed', data: { title: 'Run a half marathon' } });

    const rows = page.getByTestId('webhook-delivery-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByTestId('webhook-delivery-status')).toHaveText('Succeeded', { timeout: 15_000 });
    await expect(rows.first()).toContainText('goal.completed');
    await expect(rows.first()).toContainText('200');

    // The receiver's answer is shown as text, never rendered.
    await rows.first().getByRole('button', { name: 'Details' }).click();
    const details = page.getByTestId('webhook-delivery-details');
    await expect(details.getByRole('region', { name: 'Response' }).locator('pre')).toHaveText('<b>thanks</b>');
    await expect(details.locator('b')).toHaveCount(0);
    await expect(details.getByRole('region', { name: 'Payload' })).toContainText('"api_version": "v1"');

    // A test that fails is one attempt: it shows as failed, and a replay delivers it.
    answer = { status: 500, body: 'receiver down' };
    await test.getByRole('button', { name: 'Send test event' }).click();
    await receiver.waitFor((all) => all.length === 2);
    await expect(rows).toHaveCount(2);
    const failed = rows.first();
    await expect(failed.getByTestId('webhook-delivery-status')).toHaveText('Failed', { timeout: 15_000 });
    await expect(failed).toContainText('500');

    // The endpoint is disabled: a replay is refused, saying so, and offered with re-enabling.
    answer = { status: 200, body: 'back' };
    const failedEventId = receiver.received[1].headers['webhook-id'];
    const failedRow = rows.filter({ hasText: failedEventId });
    await failedRow.getByRole('button', { name: 'Replay' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The endpoint is disabled. Enable it, then replay.' });
    await expect(refusal).toBeVisible();
    await expect(failedRow.getByTestId('webhook-delivery-status')).toHaveText('Failed');
    expect(receiver.received).toHaveLength(2);

    await page.getByRole('button', { name: 'Enable endpoint and replay' }).click();
    // Same event id on the replay, so the receiver can de-duplicate. (Enabled now, the endpoint
    // may also get other tests' events: only this event's deliveries count.)
    await receiver.waitFor((all) => all.filter((r) => r.headers['webhook-id'] === failedEventId).length === 2);
    await expect(failedRow.getByTestId('webhook-delivery-status')).toHaveText('Succeeded', { timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Disable endpoint' })).toBeVisible();
    await expect(refusal).toHaveCount(0);

    // Its details keep both attempts: the failed test event and the replay.
    await failedRow.getByRole('button', { name: 'Details' }).click();
    const attempts = page.getByTestId('webhook-delivery-details').filter({ hasText: failedEventId }).getByTestId('webhook-delivery-attempt');
    await expect(attempts).toHaveCount(2);
    await expect(attempts.nth(0)).toContainText('HTTP 200');
    await expect(attempts.nth(1)).toContainText('HTTP 500');
    await expect(attempts.nth(1)).toContainText('The receiver answered 500.');
    await expect(attempts.nth(1).locator('pre')).toHaveText('receiver down');

    await browserFetch(page, `/api/app/webhooks/${endpoint.id}`, { method: 'DELETE' });
  } finally {
    await receiver.close();
  }
});
