import { beforeAll, describe, expect, it } from 'vitest';
import * as appsRoute from '../../app/api/app/account/apps/route.ts';
import * as appRoute from '../../app/api/app/account/apps/[appId]/route.ts';
import { db } from '../../lib/db/client.ts';
import { callRoute } from '../support/app-client.ts';
import { callApi, registerApp, tokensFor, world, type RegisteredApp, type World } from '../support/oauth-client.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { memberIn } from '../support/workspace.ts';

// A member's own connected apps under their account: listed, and revoked one app at a time
// through the account routes, which touch nobody else's authorizations.

describe('connected apps (account)', () => {
  let w: World;
  let planner: RegisteredApp;
  let tracker: RegisteredApp;
  let host: string;

  const call = async (handler: Parameters<typeof callRoute>[0], method: string, path: string, userId: string, params: Record<string, string> = {}) =>
    callRoute(handler, { method, path, params, tenantId: w.user.tenant.id, host, cookie: await sessionCookie(userId, w.user.tenant.id) });

  beforeAll(async () => {
    w = await world();
    host = `${w.user.tenant.slug}.localhost:3100`;
    planner = await registerApp(w.owner, { name: 'Planner', clientType: 'confidential' });
    tracker = await registerApp(w.owner, { name: 'Tracker' });
  });

  it('lists the apps a member connected, and only theirs', async () => {
    const member = await memberIn(w.user.tenant, 'viewer');
    await tokensFor(planner, w.user.tenant, member, 'read:goals');
    await tokensFor(tracker, w.user.tenant, member, 'read:users');
    await tokensFor(tracker, w.user.tenant, w.user.admin, 'read:users read:goals');

    const answer = await call(appsRoute.GET, 'GET', '/api/app/account/apps', member.userId);
    expect(answer.status, answer.text).toBe(200);
    const apps = answer.body.apps as { appId: string; name: string; ownerWorkspace: string; scopes: string[] }[];
    expect(apps.map((app) => app.name).sort()).toEqual(['Planner', 'Tracker']);
    expect(apps.find((app) => app.name === 'Tracker')).toMatchObject({ appId: tracker.view.id, ownerWorkspace: w.owner.tenant.name, scopes: ['read:users'] });
  });

  it("revoking an app ends that member's tokens for it, and nothing else", async () => {
    const member = await memberIn(w.user.tenant, 'member');
    const mine = await tokensFor(planner, w.user.tenant, member, 'read:goals');
    const myOther = await tokensFor(tracker, w.user.tenant, member, 'read:goals');
    const theirs = await tokensFor(planner, w.user.tenant, w.user.admin, 'read:goals');

    const answer = await call(appRoute.DELETE, 'DELETE', `/api/app/account/apps/${planner.view.id}`, member.userId, { appId: planner.view.id });
    expect(answer.status, answer.text).toBe(204);
    expect(await callApi(w.user.tenant, '/api/v1/goals', mine.access_token)).toMatchObject({ status: 401, body: { code: 'token_revoked' } });
    expect((await callApi(w.user.tenant, '/api/v1/goals', myOther.access_token)).status).toBe(200);
    expect((await callApi(w.user.tenant, '/api/v1/goals', theirs.access_token)).status).toBe(200);
    const listed = await call(appsRoute.GET, 'GET', '/api/app/account/apps', member.userId);
    expect((listed.body.apps as { name: string }[]).map((app) => app.name)).toEqual(['Tracker']);
    const audit = await db.auditLog.findFirst({ where: { tenantId: w.user.tenant.id, action: 'oauth.grant_revoked', actorId: member.userId } });
    expect(audit?.metadata).toMatchObject({ appId: planner.view.id, reason: 'revoked_by_user' });

    // Again, or an app they never connected, or another workspace's view of it: 404.
    expect((await call(appRoute.DELETE, 'DELETE', `/api/app/account/apps/${planner.view.id}`, member.userId, { appId: planner.view.id })).status).toBe(404);
    const stranger = await memberIn(w.user.tenant, 'member');
    expect((await call(appRoute.DELETE, 'DELETE', `/api/app/account/apps/${tracker.view.id}`, stranger.userId, { appId: tracker.view.id })).status).toBe(404);
    expect((await callApi(w.user.tenant, '/api/v1/goals', myOther.access_token)).status).toBe(200);
  });
});
