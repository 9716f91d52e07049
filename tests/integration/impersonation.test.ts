import { describe, expect, it } from 'vitest';
import * as endRoute from '../../app/api/app/impersonation/end/route.ts';
import * as goalsRoute from '../../app/api/app/goals/route.ts';
import * as profileRoute from '../../app/api/app/account/profile/route.ts';
import * as decisionRoute from '../../app/api/app/support-access/[impersonationId]/route.ts';
import * as supportAccessRoute from '../../app/api/app/support-access/route.ts';
import * as requestRoute from '../../app/api/platform/impersonations/route.ts';
import * as startRoute from '../../app/api/platform/impersonations/[impersonationId]/start/route.ts';
import { db } from '../../lib/db/client.ts';
import type { PlatformRole } from '../../lib/db/generated/enums.ts';
import { callRoute, type AppCall, type RouteHandlerFn } from '../support/app-client.ts';
import { contextOf, createMember, createStaff, createTenant } from '../support/factories.ts';
import { impersonateSignIn } from '../support/next-auth-call.ts';
import { sessionCookie } from '../support/session-cookie.ts';

// Support acting as a member: only staff with the support permission ask; a workspace may
// require an owner's approval; the session opens with a one-time token, ends at its time limit
// or when ended, is read-only unless asked otherwise, never reaches the member's own account,
// and every step and write is in the platform's audit log and the workspace's.

const ROOT = 'localhost:3100';

async function staff(role: PlatformRole) {
  const user = await createStaff(role);
  return { user, cookie: await sessionCookie(user.id, null) };
}

async function workspace(options: { approval?: boolean } = {}) {
  const row = await createTenant();
  if (options.approval) await db.tenant.update({ where: { id: row.id }, data: { impersonationApproval: true } });
  const owner = await createMember(row.id, 'owner');
  const member = await createMember(row.id, 'member');
  return { row, owner, member, host: `${row.slug}.localhost:3100` };
}

const asOperator = (handler: RouteHandlerFn, cookie: string, call: Omit<AppCall, 'cookie'>) => callRoute(handler, { host: ROOT, cookie, method: 'POST', ...call });

/** Asks, starts, and signs in on the workspace's host as the member: the impersonation's id and its session cookie. */
async function impersonate(ws: Awaited<ReturnType<typeof workspace>>, support: Awaited<ReturnType<typeof staff>>, options: { readOnly?: boolean } = {}) {
  const asked = await asOperator(requestRoute.POST, support.cookie, { path: '/api/platform/impersonations', json: { tenantId: ws.row.id, userId: ws.member.id, reason: 'Ticket 4411: their goals page looks empty', ...options } });
  expect(asked.status).toBe(201);
  const id = asked.body.id as string;
  const started = await asOperator(startRoute.POST, support.cookie, { path: `/api/platform/impersonations/${id}/start`, params: { impersonationId: id } });
  expect(started.status).toBe(200);
  const url = new URL(started.body.url as string);
  expect(url.host).toBe(`${ws.row.slug}.localhost:3100`);
  expect(url.pathname).toBe('/auth/impersonate');
  const token = url.searchParams.get('token')!;
  const signedIn = await impersonateSignIn(await contextOf(ws.row.id), token);
  const cookie = signedIn.cookies['next-auth.session-token'];
  expect(cookie).toBeTruthy();
  return { id, token, cookie: `next-auth.session-token=${cookie}` };
}

const onWorkspace = (ws: { row: { id: string }; host: string }, handler: RouteHandlerFn, call: AppCall) => callRoute(handler, { tenantId: ws.row.id, host: ws.host, ...call });

async function bothLogs(impersonationId: string, action: string) {
  const [platform, tenant] = await Promise.all([
    db.platformAuditLog.findMany({ where: { action, metadata: { path: ['impersonationId'], equals: impersonationId } } }),
    db.auditLog.findMany({ where: { action, targetId: impersonationId } }),
  ]);
  return { platform, tenant };
}

describe('impersonation', () => {
  it('read-only by default: reads work, writes are refused and recorded in both audit logs', async () => {
    const ws = await workspace();
    const support = await staff('support');
    const { id, token, cookie } = await impersonate(ws, support);

    const session = await db.userSession.findUniqueOrThrow({ where: { impersonationId: id } });
    const row = await db.impersonation.findUniqueOrThrow({ where: { id } });
    expect(session).toMatchObject({ userId: ws.member.id, tenantId: ws.row.id, method: 'impersonation' });
    // The session ends with the time limit (30 minutes by default).
    expect(session.expiresAt.getTime()).toBe(row.expiresAt!.getTime());
    expect(row.expiresAt!.getTime() - row.startedAt!.getTime()).toBe(30 * 60_000);

    const read = await onWorkspace(ws, goalsRoute.GET, { path: '/api/app/goals', cookie });
    expect(read.status).toBe(200);
    const write = await onWorkspace(ws, goalsRoute.POST, { method: 'POST', path: '/api/app/goals', cookie, json: { title: 'Written by support' } });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('impersonation_read_only');
    expect(await db.goal.count({ where: { tenantId: ws.row.id } })).toBe(0);
    const refused = await bothLogs(id, 'impersonation.write_refused');
    expect(refused.platform).toHaveLength(1);
    expect(refused.tenant).toHaveLength(1);
    expect(refused.tenant[0]).toMatchObject({ actorEmail: support.user.email, metadata: expect.objectContaining({ method: 'POST', path: '/api/app/goals' }) });

    // The token opened one session; it does not open another.
    const again = await impersonateSignIn(await contextOf(ws.row.id), token);
    expect(again.cookies['next-auth.session-token']).toBeFalsy();

    for (const action of ['impersonation.requested', 'impersonation.started']) {
      const logs = await bothLogs(id, action);
      expect([logs.platform.length, logs.tenant.length], action).toEqual([1, 1]);
    }
  });

  it('ends from the banner: the session stops working at once, recorded in both logs', async () => {
    const ws = await workspace();
    const { id, cookie } = await impersonate(ws, await staff('support'));
    const ended = await onWorkspace(ws, endRoute.POST, { method: 'POST', path: '/api/app/impersonation/end', cookie });
    expect(ended.status).toBe(200);
    expect(ended.body.next).toMatch(new RegExp(`/operator/tenants/${ws.row.id}$`));
    expect((await onWorkspace(ws, goalsRoute.GET, { path: '/api/app/goals', cookie })).status).toBe(401);
    expect(await db.impersonation.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'ended', endedBy: 'operator' });
    const logs = await bothLogs(id, 'impersonation.ended');
    expect([logs.platform.length, logs.tenant.length]).toEqual([1, 1]);
    // The member's own sessions are untouched.
    const own = await sessionCookie(ws.member.id, ws.row.id);
    expect((await onWorkspace(ws, goalsRoute.GET, { path: '/api/app/goals', cookie: own })).status).toBe(200);
  });

  it('stops at its time limit', async () => {
    const ws = await workspace();
    const { id, cookie } = await impersonate(ws, await staff('support'));
    expect((await onWorkspace(ws, goalsRoute.GET, { path: '/api/app/goals', cookie })).status).toBe(200);
    await db.impersonation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await onWorkspace(ws, goalsRoute.GET, { path: '/api/app/goals', cookie })).status).toBe(401);
  });

  it('read-write when asked: writes work and are recorded; the member’s own account stays theirs', async () => {
    const ws = await workspace();
    const support = await staff('support');
    const { id, cookie } = await impersonate(ws, support, { readOnly: false });
    const write = await onWorkspace(ws, goalsRoute.POST, { method: 'POST', path: '/api/app/goals', cookie, json: { title: 'Fixed by support' } });
    expect(write.status).toBe(201);
    const logs = await bothLogs(id, 'impersonation.write');
    expect([logs.platform.length, logs.tenant.length]).toEqual([1, 1]);
    const profile = await onWorkspace(ws, profileRoute.PATCH, { method: 'PATCH', path: '/api/app/account/profile', cookie, json: { name: 'Renamed by support' } });
    expect(profile.status).toBe(403);
    expect(profile.body.code).toBe('impersonation_forbidden');
    expect((await db.user.findUniqueOrThrow({ where: { id: ws.member.id } })).name).not.toBe('Renamed by support');
  });

  it('requires an owner’s approval where the workspace asks for it', async () => {
    const ws = await workspace();
    const ownerCookie = await sessionCookie(ws.owner.id, ws.row.id);
    const set = await onWorkspace(ws, supportAccessRoute.PUT, { method: 'PUT', path: '/api/app/support-access', cookie: ownerCookie, json: { requireApproval: true } });
    expect(set.status).toBe(200);
    const support = await staff('support');
    const asked = await asOperator(requestRoute.POST, support.cookie, { path: '/api/platform/impersonations', json: { tenantId: ws.row.id, userId: ws.member.id, reason: 'Ticket 4412: reminders missing' } });
    expect(asked.body.state).toBe('pending');
    const id = asked.body.id as string;
    expect(await db.emailMessage.count({ where: { tenantId: ws.row.id, kind: 'impersonation_request', to: ws.owner.email } })).toBe(1);

    const start = () => asOperator(startRoute.POST, support.cookie, { path: `/api/platform/impersonations/${id}/start`, params: { impersonationId: id } });
    expect((await start()).body.code).toBe('impersonation_not_approved');

    const decide = (cookie: string, decision: string, tenant = ws) => onWorkspace(tenant, decisionRoute.POST, { method: 'POST', path: `/api/app/support-access/${id}`, params: { impersonationId: id }, cookie, json: { decision } });
    // An admin is not an owner; an owner of another workspace does not find it.
    const admin = await createMember(ws.row.id, 'admin');
    expect((await decide(await sessionCookie(admin.id, ws.row.id), 'approve')).status).toBe(403);
    const other = await workspace();
    expect((await decide(await sessionCookie(other.owner.id, other.row.id), 'approve', other)).status).toBe(404);

    // Someone else on the staff cannot start what this operator asked for.
    expect((await decide(ownerCookie, 'approve')).body.state).toBe('approved');
    expect(await db.emailMessage.count({ where: { kind: 'impersonation_decision', to: support.user.email } })).toBe(1);
    const colleague = await staff('support');
    expect((await asOperator(startRoute.POST, colleague.cookie, { path: `/api/platform/impersonations/${id}/start`, params: { impersonationId: id } })).body.code).toBe('impersonation_not_allowed');
    expect((await start()).status).toBe(200);
    // Started once: a second click does not mint another token.
    expect((await start()).status).toBe(409);
    expect((await decide(ownerCookie, 'deny')).status).toBe(409);
  });

  it('a denied request cannot start', async () => {
    const ws = await workspace({ approval: true });
    const support = await staff('support');
    const asked = await asOperator(requestRoute.POST, support.cookie, { path: '/api/platform/impersonations', json: { tenantId: ws.row.id, userId: ws.member.id, reason: 'Ticket 4413: a look around' } });
    const id = asked.body.id as string;
    const ownerCookie = await sessionCookie(ws.owner.id, ws.row.id);
    expect((await onWorkspace(ws, decisionRoute.POST, { method: 'POST', path: `/api/app/support-access/${id}`, params: { impersonationId: id }, cookie: ownerCookie, json: { decision: 'deny' } })).body.state).toBe('denied');
    expect((await asOperator(startRoute.POST, support.cookie, { path: `/api/platform/impersonations/${id}/start`, params: { impersonationId: id } })).status).toBe(409);
  });

  it('an owner ends a running impersonation', async () => {
    const ws = await workspace();
    const { id, cookie } = await impersonate(ws, await staff('support'));
    const ownerCookie = await sessionCookie(ws.owner.id, ws.row.id);
    const ended = await onWorkspace(ws, decisionRoute.DELETE, { method: 'DELETE', path: `/api/app/support-access/${id}`, params: { impersonationId: id }, cookie: ownerCookie });
    expect(ended.body.state).toBe('ended');
    expect((await onWorkspace(ws, goalsRoute.GET, { path: '/api/app/goals', cookie })).status).toBe(401);
  });

  it('only staff with the support permission ask; staff are never acted as; bad input is a 4xx', async () => {
    const ws = await workspace();
    const body = { tenantId: ws.row.id, userId: ws.member.id, reason: 'Ticket 4414: checking a report' };
    for (const role of ['billing', 'read_only'] as const) {
      const answer = await asOperator(requestRoute.POST, (await staff(role)).cookie, { path: '/api/platform/impersonations', json: body });
      expect(answer.status, role).toBe(403);
    }
    const owner = await staff('owner');
    expect((await asOperator(requestRoute.POST, owner.cookie, { path: '/api/platform/impersonations', json: body })).status).toBe(201);
    // A workspace member's session is nobody on the root domain.
    expect((await asOperator(requestRoute.POST, await sessionCookie(ws.owner.id, ws.row.id), { path: '/api/platform/impersonations', json: body })).status).toBe(401);

    const support = await staff('support');
    await db.membership.create({ data: { tenantId: ws.row.id, userId: owner.user.id, role: 'member' } });
    const post = (json: unknown) => asOperator(requestRoute.POST, support.cookie, { path: '/api/platform/impersonations', json });
    expect((await post({ ...body, userId: owner.user.id })).body.code).toBe('impersonation_not_allowed');
    expect((await post({ ...body, reason: 'because' })).status).toBe(422);
    expect((await post({ ...body, minutes: 600 })).status).toBe(422);
    expect((await post({ ...body, tenantId: 'nope' })).status).toBe(404);
    expect((await post({ ...body, userId: (await workspace()).member.id })).status).toBe(404);
  });
});
