import { describe, expect, it } from 'vitest';
import { PUT as setCurrency } from '../../app/api/app/billing/currency/route.ts';
import { POST as createGoal } from '../../app/api/v1/goals/route.ts';
import { apiWorkspace } from '../support/api-v1-client.ts';
import { callRoute, type RouteHandlerFn } from '../support/app-client.ts';
import { workspace } from '../support/workspace.ts';

// The app's own pages send their language as Accept-Language (lib/http/api-client.ts), and
// their routes' problem sentences come back in it; the public API stays English whatever is
// asked (its detail is a contract), and codes and titles never change.

describe("a problem's language", () => {
  it("a page's route answers in the page's language, keeping code and title", async () => {
    const tenant = await workspace();
    const call = (language?: string) => callRoute(setCurrency as RouteHandlerFn, { method: 'PUT', path: '/api/app/billing/currency', tenantId: tenant.id, json: { currency: 'eur' }, headers: language ? { 'accept-language': language } : {} });
    const german = await call('de');
    expect(german.status).toBe(401);
    expect(german.body).toMatchObject({ code: 'unauthorized', title: 'Unauthorized', detail: 'Melde dich an, um fortzufahren.' });
    expect((await call('ar')).body.detail).toBe('سجّل الدخول للمتابعة.');
    expect((await call()).body.detail).toBe('Sign in to continue.');
    // A language with no catalog: English.
    expect((await call('ko')).body.detail).toBe('Sign in to continue.');
  });

  it('the public API answers in English whatever the request asks', async () => {
    const api = await apiWorkspace();
    const create = (headers: Record<string, string>) => api.call(createGoal, '/api/v1/goals', {}, { method: 'POST', body: { title: 'x'.repeat(500) }, headers });
    const german = await create({ 'accept-language': 'de' });
    expect(german.status).toBe(422);
    const withoutId = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'requestId'));
    expect(withoutId(german.body)).toEqual(withoutId((await create({})).body));
    // A field sentence the German table has, left English.
    expect(german.body.errors?.title).toMatch(/^Use at most \d+ characters\.$/);
  });
});
