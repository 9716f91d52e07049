import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as twoFactorRoute from '../../app/api/operator/account/two-factor/route.ts';
import * as confirmRoute from '../../app/api/operator/account/two-factor/confirm/route.ts';
import * as acceptRoute from '../../app/api/operator/invitations/[token]/accept/route.ts';
import * as staffRoute from '../../app/api/operator/staff/route.ts';
import * as staffMemberRoute from '../../app/api/operator/staff/[userId]/route.ts';
import * as resetRoute from '../../app/api/operator/staff/[userId]/reset-two-factor/route.ts';
import * as invitationsRoute from '../../app/api/operator/staff/invitations/route.ts';
import * as invitationRoute from '../../app/api/operator/staff/invitations/[invitationId]/route.ts';
import * as auditExportRoute from '../../app/api/operator/audit/export/route.ts';
import { disableTwoFactor, operatorTwoFactor } from '../../lib/account/two-factor.ts';
import { authenticate } from '../../lib/auth/authenticate.ts';
import { totpCode } from '../../lib/auth/totp.ts';
import { db } from '../../lib/db/client.ts';
import type { PlatformRole } from '../../lib/db/generated/enums.ts';
import { callRoute, type AppCall } from '../support/app-client.ts';
import { createMember, createTenant, TEST_PASSWORD } from '../support/factories.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { enableTwoFactor } from '../support/staff-two-factor.ts';

// The platform's staff: invited by email by a platform owner, 2FA before anything else in the
// console, roles changed and removed by owners only, never without an owner.

const ROOT = 'localhost:3100';
// The handlers are called directly: the path only names the request.
const call = (handler: Parameters<typeof callRoute>[0], request: Omit<AppCall, 'host' | 'path'> & { path?: string }) => callRoute(handler, { host: ROOT, path: '/api/operator', ...request });
const unique = () => randomBytes(4).toString('hex');

async function staffMember(role: PlatformRole, { twoFactor = true } = {}) {
  const user = await db.user.create({ data: { email: `staff-${unique()}@staff.test`, name: 'Staff Person', platformRole: role, emailVerifiedAt: new Date() } });
  if (twoFactor) await enableTwoFactor(user.id);
  return { user, cookie: await sessionCookie(user.id, null) };
}

/** The token of the newest staff invitation mailed to this address (from the outbox). */
async function invitationToken(email: string): Promise<string> {
  const message = await db.emailMessage.findFirstOrThrow({ where: { to: email, kind: 'staff_invitation' }, orderBy: { createdAt: 'desc' } });
  return /\/operator\/join\/([A-Za-z0-9_-]{43})/.exec(message.text)![1];
}

describe('platform staff', () => {
  it('an owner invites by email; the invitee sets a password, joins with the role, and must turn 2FA on before the console opens', async () => {
    const owner = await staffMember('owner');
    const email = `new-${unique()}@staff.test`;
    const invited = await call(invitationsRoute.POST, { method: 'POST', cookie: owner.cookie, json: { email: email.toUpperCase(), role: 'support' } });
    expect(invited.status).toBe(201);
    expect(invited.body.invitation).toMatchObject({ email, role: 'support', expired: false });
    // One open invitation per address.
    expect((await call(invitationsRoute.POST, { method: 'POST', cookie: owner.cookie, json: { email, role: 'billing' } })).status).toBe(409);
    const listed = await call(staffRoute.GET, { cookie: owner.cookie });
    expect((listed.body.invitations as { email: string }[]).map((row) => row.email)).toContain(email);

    const token = await invitationToken(email);
    // Only the hash is kept.
    expect(await db.staffInvitation.count({ where: { tokenHash: token } })).toBe(0);
    // A weak password is refused, and the link still works afterwards.
    const weak = await call(acceptRoute.POST, { method: 'POST', params: { token }, json: { name: 'New Staff', password: 'short' } });
    expect(weak.status).toBe(422);
    const joined = await call(acceptRoute.POST, { method: 'POST', params: { token }, json: { name: 'New Staff', password: TEST_PASSWORD } });
    expect(joined.status).toBe(201);
    // Single-use.
    expect((await call(acceptRoute.POST, { method: 'POST', params: { token }, json: { name: 'Again', password: TEST_PASSWORD } })).status).toBe(410);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.platformRole).toBe('support');
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await authenticate({ email, password: TEST_PASSWORD }, null, null)).toMatchObject({ email });
    expect(await db.platformAuditLog.count({ where: { action: 'staff.joined', targetId: user.id } })).toBe(1);

    // Signed in without 2FA: every console route answers two_factor_required, except turning it on.
    const cookie = await sessionCookie(user.id, null);
    const refused = await call(auditExportRoute.GET, { path: '/api/operator/audit/export', cookie });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('two_factor_required');
    const enrolment = await call(twoFactorRoute.POST, { method: 'POST', cookie });
    expect(enrolment.status).toBe(200);
    const wrong = await call(confirmRoute.POST, { method: 'POST', cookie, json: { code: '000000' === (await totpCode(enrolment.body.secret as string)) ? '111111' : '000000' } });
    expect(wrong.status).toBe(422);
    const confirmed = await call(confirmRoute.POST, { method: 'POST', cookie, json: { code: await totpCode(enrolment.body.secret as string) } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect((await call(auditExportRoute.GET, { path: '/api/operator/audit/export', cookie })).status).toBe(200);
    expect(await db.platformAuditLog.count({ where: { action: 'staff.two_factor_enabled', targetId: user.id } })).toBe(1);

    // Staff cannot turn it off, wherever they ask.
    await expect(disableTwoFactor(operatorTwoFactor({ userId: user.id, email }), { password: TEST_PASSWORD })).rejects.toMatchObject({ status: 409 });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
  });

  it('an existing account confirms with its own password; a revoked or unknown link is gone', async () => {
    const owner = await staffMember('owner');
    const tenant = await createTenant();
    const existing = await createMember(tenant.id, 'member');
    await call(invitationsRoute.POST, { method: 'POST', cookie: owner.cookie, json: { email: existing.email, role: 'read_only' } });
    const token = await invitationToken(existing.email);
    const wrong = await call(acceptRoute.POST, { method: 'POST', params: { token }, json: { password: 'not-the-password' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toHaveProperty('password');
    expect((await call(acceptRoute.POST, { method: 'POST', params: { token }, json: { password: TEST_PASSWORD } })).status).toBe(201);
    const user = await db.user.findUniqueOrThrow({ where: { id: existing.id }, include: { memberships: true } });
    expect(user.platformRole).toBe('read_only');
    expect(user.memberships).toHaveLength(1);

    const other = `revoked-${unique()}@staff.test`;
    const invited = await call(invitationsRoute.POST, { method: 'POST', cookie: owner.cookie, json: { email: other, role: 'owner' } });
    const revokedToken = await invitationToken(other);
    const id = (invited.body.invitation as { id: string }).id;
    expect((await call(invitationRoute.DELETE, { method: 'DELETE', cookie: owner.cookie, params: { invitationId: id } })).status).toBe(204);
    expect((await call(acceptRoute.POST, { method: 'POST', params: { token: revokedToken }, json: { name: 'X', password: TEST_PASSWORD } })).status).toBe(410);
    expect(await db.user.count({ where: { email: other } })).toBe(0);
    expect((await call(acceptRoute.POST, { method: 'POST', params: { token: 'A'.repeat(43) }, json: { name: 'X', password: TEST_PASSWORD } })).status).toBe(410);
    // A new invitation after a revoked one is fine.
    expect((await call(invitationsRoute.POST, { method: 'POST', cookie: owner.cookie, json: { email: other, role: 'support' } })).status).toBe(201);
    // Already staff.
    expect((await call(invitationsRoute.POST, { method: 'POST', cookie: owner.cookie, json: { email: existing.email, role: 'support' } })).status).toBe(409);
  });

  it('only platform owners manage staff', async () => {
    for (const role of ['support', 'billing', 'read_only'] as const) {
      const { cookie } = await staffMember(role);
      expect((await call(staffRoute.GET, { cookie })).status).toBe(403);
      expect((await call(invitationsRoute.POST, { method: 'POST', cookie, json: { email: `x-${unique()}@staff.test`, role: 'owner' } })).status).toBe(403);
    }
    const target = await staffMember('support');
    const { cookie } = await staffMember('billing');
    expect((await call(staffMemberRoute.PATCH, { method: 'PATCH', cookie, params: { userId: target.user.id }, json: { role: 'owner' } })).status).toBe(403);
    expect((await call(staffMemberRoute.DELETE, { method: 'DELETE', cookie, params: { userId: target.user.id } })).status).toBe(403);
    // A workspace member with no platform role, and no session at all.
    const tenant = await createTenant();
    const member = await createMember(tenant.id, 'owner');
    expect((await call(staffRoute.GET, { cookie: await sessionCookie(member.id, null) })).status).toBe(403);
    expect((await call(staffRoute.GET, {})).status).toBe(401);
    // An owner without 2FA cannot either.
    const unenrolled = await staffMember('owner', { twoFactor: false });
    expect((await call(staffRoute.GET, { cookie: unenrolled.cookie })).body.code).toBe('two_factor_required');
  });

  it('changes roles, removes staff (ending their console sessions) and resets a lost 2FA, all audited', async () => {
    const owner = await staffMember('owner');
    const target = await staffMember('support');
    const patched = await call(staffMemberRoute.PATCH, { method: 'PATCH', cookie: owner.cookie, params: { userId: target.user.id }, json: { role: 'billing' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ role: 'billing', twoFactor: true });
    expect((await call(staffMemberRoute.PATCH, { method: 'PATCH', cookie: owner.cookie, params: { userId: target.user.id }, json: { role: 'god' } })).status).toBe(422);
    expect(await db.platformAuditLog.findFirst({ where: { action: 'staff.role_changed', targetId: target.user.id } })).toMatchObject({ actorId: owner.user.id, metadata: { from: 'support', to: 'billing' } });

    const reset = await call(resetRoute.POST, { method: 'POST', cookie: owner.cookie, params: { userId: target.user.id } });
    expect(reset.status).toBe(204);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.user.id } })).totpEnabledAt).toBeNull();
    // Its console session ended with it.
    expect((await call(auditExportRoute.GET, { path: '/api/operator/audit/export', cookie: target.cookie })).status).toBe(401);
    // Not one's own.
    expect((await call(resetRoute.POST, { method: 'POST', cookie: owner.cookie, params: { userId: owner.user.id } })).status).toBe(409);

    const removed = await staffMember('read_only');
    expect((await call(staffMemberRoute.DELETE, { method: 'DELETE', cookie: owner.cookie, params: { userId: removed.user.id } })).status).toBe(204);
    expect((await db.user.findUniqueOrThrow({ where: { id: removed.user.id } })).platformRole).toBeNull();
    expect((await call(auditExportRoute.GET, { path: '/api/operator/audit/export', cookie: removed.cookie })).status).toBe(401);
    expect(await db.platformAuditLog.count({ where: { action: 'staff.removed', targetId: removed.user.id } })).toBe(1);
    // Gone already: 404, not 500.
    expect((await call(staffMemberRoute.DELETE, { method: 'DELETE', cookie: owner.cookie, params: { userId: removed.user.id } })).status).toBe(404);
  });

  it('never leaves the platform without an owner, even when two owners step down at once', async () => {
    // Other tests (and the demo) make owners: demote every other owner first, in this test's own world.
    const a = await staffMember('owner');
    const b = await staffMember('owner');
    const others = await db.user.findMany({ where: { platformRole: 'owner', id: { notIn: [a.user.id, b.user.id] } }, select: { id: true } });
    try {
      await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { platformRole: 'read_only' } });
      const results = await Promise.all([
        call(staffMemberRoute.PATCH, { method: 'PATCH', cookie: a.cookie, params: { userId: a.user.id }, json: { role: 'support' } }),
        call(staffMemberRoute.PATCH, { method: 'PATCH', cookie: b.cookie, params: { userId: b.user.id }, json: { role: 'support' } }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(await db.user.count({ where: { id: { in: [a.user.id, b.user.id] }, platformRole: 'owner' } })).toBe(1);
      const last = results[0].status === 409 ? a : b;
      expect((await call(staffMemberRoute.DELETE, { method: 'DELETE', cookie: last.cookie, params: { userId: last.user.id } })).status).toBe(409);
    } finally {
      await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { platformRole: 'owner' } });
    }
  });
});
