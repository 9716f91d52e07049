import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { createDirectory, deleteDirectory, getDirectory, listDirectories, rotateDirectoryToken } from '../../lib/scim/directories.ts';
import { hashScimToken } from '../../lib/scim/scim-token.ts';
import { callScim, enterpriseWorkspace, expectOk, expectScimError, membershipOf, PATCH_OP, scimWorkspace, verifyDomain } from '../support/scim-client.ts';
import { fillSeats } from '../support/seats.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// Directories as admins manage them: the token is shown once and stored hashed, rotation ends
// the old token at once, deletion stops the sync (and keeps the members), all audited.

describe('SCIM directories', () => {
  it('are created with a token shown once and stored as a hash, and a base URL on the workspace host', async () => {
    const tenant = await enterpriseWorkspace();
    const admin = await memberIn(tenant, 'admin');
    const { directory, token } = await createDirectory(tenant, admin, { name: 'Okta production', provider: 'okta' });
    expect(directory.id).toMatch(/^dir_[0-9A-Za-z]{20}$/);
    expect(token).toMatch(/^wp_scim_[0-9A-Za-z]{43}$/);
    expect(directory).toMatchObject({
      name: 'Okta production',
      provider: 'okta',
      scimBaseUrl: `http://${tenant.slug}.localhost:3100/api/scim/v2.0/${directory.id}`,
      tokenHint: token.slice(-4),
      tokenRotatedAt: null,
      users: { total: 0, active: 0, provisioned: 0 },
      groups: 0,
      lastSyncAt: null,
    });
    const row = await db.scimDirectory.findUniqueOrThrow({ where: { id: directory.id } });
    expect(row.tokenHash).toBe(hashScimToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(await listDirectories(tenant, admin))).not.toContain(token);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: 'scim.directory_created', targetId: directory.id, actorId: admin.userId } })).toBe(1);
  });

  it('are for admins only, validate their input, and are invisible to other workspaces', async () => {
    const tenant = await enterpriseWorkspace();
    const admin = await memberIn(tenant, 'admin');
    const member = await memberIn(tenant, 'member');
    expect((await failure(createDirectory(tenant, member, { name: 'X', provider: 'okta' }))).status).toBe(403);
    expect((await failure(listDirectories(tenant, member))).status).toBe(403);
    expect((await failure(createDirectory(tenant, admin, { name: '', provider: 'okta' }))).status).toBe(422);
    expect((await failure(createDirectory(tenant, admin, { name: 'X', provider: 'onelogin' }))).status).toBe(422);
    expect((await failure(createDirectory(tenant, admin, { name: 'X', provider: 'okta', token: 'mine' }))).status).toBe(422);
    const { directory } = await createDirectory(tenant, admin, { name: 'Entra', provider: 'azure' });
    const other = await enterpriseWorkspace();
    const otherAdmin = await memberIn(other, 'admin');
    expect(await listDirectories(other, otherAdmin)).toEqual([]);
    expect((await failure(getDirectory(other, otherAdmin, directory.id))).status).toBe(404);
    expect((await failure(rotateDirectoryToken(other, otherAdmin, directory.id))).status).toBe(404);
    expect((await failure(deleteDirectory(other, otherAdmin, directory.id))).status).toBe(404);
    expect((await failure(getDirectory(tenant, member, directory.id))).status).toBe(403);
  });

  it('come with the enterprise plan only (plan_upgrade_required below it)', async () => {
    for (const plan of ['free', 'pro']) {
      const tenant = await workspace({ plan });
      const admin = await memberIn(tenant, 'admin');
      const refused = await failure(createDirectory(tenant, admin, { name: 'Okta', provider: 'okta' }));
      expect(refused).toMatchObject({ status: 403, code: 'plan_upgrade_required' });
      expect(refused.message).toContain('Directory sync (SCIM) is not included in the');
      expect(refused.message).toContain('Upgrade to Enterprise');
    }
    // A workspace that moves to a plan without it: the directory is refused until it moves back.
    const ws = await scimWorkspace('okta');
    const { directory } = await createDirectory(ws.tenant, ws.admin, { name: 'Second', provider: 'okta' });
    await db.tenant.update({ where: { id: ws.tenant.id }, data: { plan: 'pro' } });
    const { clearLocalTenantCache } = await import('../../lib/tenancy/tenant-cache.ts');
    clearLocalTenantCache();
    const pro = { ...ws.tenant, plan: 'pro' };
    for (const answer of [await ws.scim('POST', '/Users', { userName: ws.email('ada') }), await ws.scim('GET', '/Users'), await ws.scim('GET', '/ServiceProviderConfig')]) {
      expectScimError(answer, 403);
      expect(answer.body.detail).toBe('Directory sync (SCIM) is not included in the Pro plan. Upgrade to Enterprise to use it. An owner can upgrade under Settings → Billing.');
    }
    expect(await membershipOf(ws.tenant.id, ws.email('ada'))).toBeNull();
    expect(await failure(rotateDirectoryToken(pro, ws.admin, directory.id))).toMatchObject({ status: 403, code: 'plan_upgrade_required' });
    // Deleting stays possible, to stop a sync the plan no longer includes.
    await deleteDirectory(pro, ws.admin, directory.id);

    await db.tenant.update({ where: { id: ws.tenant.id }, data: { plan: 'enterprise' } });
    clearLocalTenantCache();
    expectOk(await ws.scim('GET', '/Users'));
  });

  it('rotate their token: the old one stops at once, the new one works', async () => {
    const ws = await scimWorkspace('okta');
    expectOk(await ws.scim('GET', '/Users'));
    const { directory, token } = await rotateDirectoryToken(ws.tenant, ws.admin, ws.directoryId, '203.0.113.9');
    expect(token).not.toBe(ws.token);
    expect(directory.tokenHint).toBe(token.slice(-4));
    expect(directory.tokenRotatedAt).not.toBeNull();
    expectScimError(await ws.scim('GET', '/Users'), 401);
    expectOk(await ws.scim('GET', '/Users', undefined, { token }));
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: ws.tenant.id, action: 'scim.token_rotated' } });
    expect(audit).toMatchObject({ targetId: ws.directoryId, ip: '203.0.113.9', actorId: ws.admin.userId });
  });

  it('show what they synced: counts, last sync, users with their membership, groups with their team', async () => {
    const ws = await scimWorkspace('generic');
    const ada = (await ws.scim('POST', '/Users', { userName: ws.email('ada') })).body.id as string;
    await ws.scim('POST', '/Users', { userName: ws.email('bob'), active: false });
    await ws.scim('POST', '/Groups', { displayName: 'Engineering', members: [{ value: ada }] });
    const detail = await getDirectory(ws.tenant, ws.admin, ws.directoryId);
    expect(detail.directory).toMatchObject({ users: { total: 2, active: 1, provisioned: 1 }, groups: 1 });
    expect(detail.directory.lastSyncAt).not.toBeNull();
    expect(detail.users.find((u) => u.userName === ws.email('ada'))).toMatchObject({ email: ws.email('ada'), active: true, member: true });
    expect(detail.users.find((u) => u.userName === ws.email('bob'))).toMatchObject({ email: null, active: false, member: false });
    expect(detail.groups).toEqual([expect.objectContaining({ displayName: 'Engineering', members: 1, team: expect.objectContaining({ name: 'Engineering' }) })]);
  });

  it('are deleted: their token stops, their synced rows go, the members they made stay', async () => {
    const ws = await scimWorkspace('okta');
    expectOk(await ws.scim('POST', '/Users', { userName: ws.email('ada') }), 201);
    await deleteDirectory(ws.tenant, ws.admin, ws.directoryId);
    expectScimError(await callScim(ws.directoryId, 'GET', '/Users', { token: ws.token }), 401);
    expect(await db.scimUser.count({ where: { directoryId: ws.directoryId } })).toBe(0);
    expect(await membershipOf(ws.tenant.id, ws.email('ada'))).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: ws.tenant.id, action: 'scim.directory_deleted' } });
    expect(audit.metadata).toMatchObject({ users: 1, groups: 0 });
  });

  it('let two workspaces provision only their own verified domains', async () => {
    const a = await scimWorkspace();
    const b = await scimWorkspace();
    await verifyDomain(b.tenant.id, `shared-${a.domain}`);
    expectScimError(await a.scim('POST', '/Users', { userName: `ceo@${b.domain}` }), 403);
    expectScimError(await a.scim('POST', '/Users', { userName: `ceo@shared-${a.domain}` }), 403);
    expectOk(await b.scim('POST', '/Users', { userName: `ceo@shared-${a.domain}` }), 201);
  });
});

describe('SCIM provisioning and the member limit', () => {
  it("refuses a new member beyond the plan's limit with a SCIM 403, and stores nothing of the request", async () => {
    const ws = await scimWorkspace('okta');
    const fillers = await fillSeats(ws.tenant);
    const members = await db.membership.count({ where: { tenantId: ws.tenant.id } });

    const refused = await ws.scim('POST', '/Users', { userName: ws.email('one-too-many') });
    expectScimError(refused, 403);
    expect(refused.body.detail).toBe(
      `The member limit of the workspace's plan is reached, so the user cannot be added. This workspace has no seat left: it has ${members} members. The Enterprise plan includes ${members.toLocaleString('en-US')} members.`,
    );
    expect(await membershipOf(ws.tenant.id, ws.email('one-too-many'))).toBeNull();
    expect(await db.scimUser.count({ where: { directoryId: ws.directoryId } })).toBe(0);

    // An inactive user takes no seat; activating them needs one.
    const inactive = await ws.scim('POST', '/Users', { userName: ws.email('later'), active: false });
    expectOk(inactive, 201);
    const activate = { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] };
    expectScimError(await ws.scim('PATCH', `/Users/${inactive.body.id}`, activate), 403);
    expect(await membershipOf(ws.tenant.id, ws.email('later'))).toBeNull();

    // A seat frees up: the directory's retry goes through.
    await db.membership.delete({ where: { tenantId_userId: { tenantId: ws.tenant.id, userId: fillers[0] } } });
    expectOk(await ws.scim('PATCH', `/Users/${inactive.body.id}`, activate));
    expect(await membershipOf(ws.tenant.id, ws.email('later'))).not.toBeNull();
    expect(await db.membership.count({ where: { tenantId: ws.tenant.id } })).toBe(members);
  });
});
