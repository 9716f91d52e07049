import { describe, expect, it } from 'vitest';
import * as installationRoute from '../../app/api/app/marketplace/installations/[installationId]/route.ts';
import * as installationsRoute from '../../app/api/app/marketplace/installations/route.ts';
import * as installsRoute from '../../app/api/app/marketplace/installs/route.ts';
import * as settingsRoute from '../../app/api/app/marketplace/settings/route.ts';
import { db } from '../../lib/db/client.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { callRoute, type AppCall, type RouteHandlerFn } from '../support/app-client.ts';
import { addVersion, createMarketplaceApp, SETUP_URL } from '../support/marketplace.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { memberIn, workspace } from '../support/workspace.ts';

// The workspace routes of the marketplace: the install form (303 to the app's setup URL), the
// installed apps list and uninstall, and the workspace's controls; bad input answers field
// errors, roles below admin 403, and other workspaces' installations 404.

const hostOf = (tenant: TenantContext) => `${tenant.slug}.localhost:3100`;

async function as(tenant: TenantContext, role: 'admin' | 'member') {
  const member = await memberIn(tenant, role);
  const cookie = await sessionCookie(member.userId, tenant.id);
  return (handler: RouteHandlerFn, call: Omit<AppCall, 'tenantId' | 'host' | 'cookie'>) => callRoute(handler, { ...call, tenantId: tenant.id, host: hostOf(tenant), cookie });
}

const form = (fields: Record<string, string>) => ({ body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' });

describe('marketplace routes', () => {
  it('install form → 303 to the setup URL; list; uninstall; roles and other workspaces', async () => {
    const tenant = await workspace();
    const [admin, member] = await Promise.all([as(tenant, 'admin'), as(tenant, 'member')]);
    const app = await createMarketplaceApp();

    expect((await member(installsRoute.POST, { method: 'POST', path: '/api/app/marketplace/installs', ...form({ slug: app.slug, versionId: app.versionId }) })).status).toBe(403);
    const bad = await admin(installsRoute.POST, { method: 'POST', path: '/api/app/marketplace/installs', ...form({ slug: 'Not A Slug!' }) });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'validation_failed', errors: { slug: expect.any(String), versionId: expect.any(String) } });
    expect((await admin(installsRoute.POST, { method: 'POST', path: '/api/app/marketplace/installs', ...form({ slug: 'no-such-app', versionId: 'x' }) })).status).toBe(404);
    // From another site: refused before anything happens.
    expect((await admin(installsRoute.POST, { method: 'POST', path: '/api/app/marketplace/installs', origin: 'https://evil.example', ...form({ slug: app.slug, versionId: app.versionId }) })).status).toBe(403);

    const installed = await admin(installsRoute.POST, { method: 'POST', path: '/api/app/marketplace/installs', ...form({ slug: app.slug, versionId: app.versionId }) });
    expect(installed.status).toBe(303);
    const location = new URL(installed.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(SETUP_URL);
    const installationId = location.searchParams.get('installation_id')!;

    // A consent for a version the app no longer offers goes back to the consent page.
    await addVersion(app.id, { publish: true });
    const stale = await admin(installsRoute.POST, { method: 'POST', path: '/api/app/marketplace/installs', ...form({ slug: app.slug, versionId: app.versionId }) });
    expect(stale.status).toBe(303);
    expect(stale.headers.get('location')).toBe(`/apps/${app.slug}/install?changed=1`);

    const list = await admin(installationsRoute.GET, { path: '/api/app/marketplace/installations' });
    expect(list.status).toBe(200);
    expect(JSON.parse(list.text)).toMatchObject([{ id: installationId, app: { id: app.id }, scopes: ['read:goals', 'write:goals', 'read:users'] }]);
    expect((await member(installationsRoute.GET, { path: '/api/app/marketplace/installations' })).status).toBe(403);

    const other = await workspace();
    const otherAdmin = await as(other, 'admin');
    expect((await otherAdmin(installationRoute.DELETE, { method: 'DELETE', path: `/api/app/marketplace/installations/${installationId}`, params: { installationId } })).status).toBe(404);
    expect((await admin(installationRoute.DELETE, { method: 'DELETE', path: `/api/app/marketplace/installations/${installationId}`, params: { installationId } })).status).toBe(204);
    expect((await admin(installationRoute.DELETE, { method: 'DELETE', path: `/api/app/marketplace/installations/${installationId}`, params: { installationId } })).status).toBe(404);
  });

  it('workspace controls: members may connect apps, allow-list, hidden; field errors for bad input', async () => {
    const tenant = await workspace();
    const [admin, member] = await Promise.all([as(tenant, 'admin'), as(tenant, 'member')]);
    const app = await createMarketplaceApp();
    expect((await member(settingsRoute.PUT, { method: 'PUT', path: '/api/app/marketplace/settings', json: { membersMayConnectApps: false, marketplaceMode: 'all' } })).status).toBe(403);

    for (const [body, field] of [
      [{ membersMayConnectApps: 'no', marketplaceMode: 'all' }, 'membersMayConnectApps'],
      [{ membersMayConnectApps: true, marketplaceMode: 'some' }, 'marketplaceMode'],
      [{ membersMayConnectApps: true, marketplaceMode: 'allow_list', allowList: [] }, 'allowList'],
      [{ membersMayConnectApps: true, marketplaceMode: 'allow_list', allowList: ['app_unknown'] }, 'allowList'],
      [{ membersMayConnectApps: true, marketplaceMode: 'all', allowList: 'x' }, 'allowList'],
    ] as const) {
      const answer = await admin(settingsRoute.PUT, { method: 'PUT', path: '/api/app/marketplace/settings', json: body });
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body.errors, JSON.stringify(body)).toHaveProperty(field);
    }
    expect((await admin(settingsRoute.PUT, { method: 'PUT', path: '/api/app/marketplace/settings', body: '{', contentType: 'application/json' })).status).toBe(400);

    const saved = await admin(settingsRoute.PUT, { method: 'PUT', path: '/api/app/marketplace/settings', json: { membersMayConnectApps: false, marketplaceMode: 'allow_list', allowList: [app.id] } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ membersMayConnectApps: false, marketplaceMode: 'allow_list', allowList: [{ id: app.id, slug: app.slug }] });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { membersMayConnectApps: true, marketplaceMode: true, marketplaceAllowList: true } })).toEqual({ membersMayConnectApps: false, marketplaceMode: 'allow_list', marketplaceAllowList: [app.id] });
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: 'marketplace.settings_updated' } })).toBe(1);
    expect((await admin(settingsRoute.GET, { path: '/api/app/marketplace/settings' })).body).toMatchObject({ marketplaceMode: 'allow_list' });
  });
});
