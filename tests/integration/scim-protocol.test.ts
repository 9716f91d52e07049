import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { createDirectory } from '../../lib/scim/directories.ts';
import { createMember } from '../support/factories.ts';
import { callScim, enterpriseWorkspace, expectOk, expectScimError, GROUP_SCHEMA, membershipOf, PATCH_OP, scimWorkspace, USER_SCHEMA, verifyDomain, type ScimWorkspace } from '../support/scim-client.ts';
import { memberIn, workspace } from '../support/workspace.ts';

// The SCIM door itself: bearer tokens, which host may reach which directory, SCIM error
// answers for every kind of bad request (never a 500), filters and paging, who may be
// provisioned (verified domains only), and roles (mapped by groups; admins and owners kept).

const user = (ws: ScimWorkspace, local: string, extra: Record<string, unknown> = {}) => ({ schemas: [USER_SCHEMA], userName: ws.email(local), active: true, ...extra });

describe('SCIM authentication and isolation', () => {
  it('answers 401 in SCIM shape without a token, with a wrong one, with another directory\'s, and for unknown directories', async () => {
    const ws = await scimWorkspace();
    const other = await scimWorkspace();
    for (const answer of [
      await ws.scim('GET', '/Users', undefined, { token: null }),
      await ws.scim('GET', '/Users', undefined, { authorization: `Basic ${Buffer.from(`x:${ws.token}`).toString('base64')}` }),
      await ws.scim('GET', '/Users', undefined, { token: `${ws.token}x` }),
      await ws.scim('GET', '/Users', undefined, { token: other.token }),
      await callScim('dir_doesnotexist', 'GET', '/Users', { token: ws.token }),
      await ws.scim('POST', '/Users', user(ws, 'eve'), { token: 'wp_scim_guess' }),
    ]) {
      expectScimError(answer, 401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="SCIM"');
    }
    expect(await db.scimUser.count({ where: { directoryId: ws.directoryId } })).toBe(0);
  });

  it("serves a directory on its workspace's host and the root domain, and 404s it on another workspace's host", async () => {
    const a = await scimWorkspace();
    const b = await scimWorkspace();
    expectOk(await a.scim('GET', '/Users'));
    expectOk(await a.scim('GET', '/Users', undefined, { hostTenantId: null }));
    const crossed = await a.scim('POST', '/Users', user(a, 'ada'), { hostTenantId: b.tenant.id });
    expectScimError(crossed, 404);
    expect(await db.scimUser.count({ where: { directoryId: a.directoryId } })).toBe(0);
    // B's token on B's host cannot reach A's resources either.
    const created = await a.scim('POST', '/Users', user(a, 'ada'));
    expectOk(created, 201);
    expectScimError(await callScim(b.directoryId, 'GET', `/Users/${created.body.id}`, { token: b.token, hostTenantId: b.tenant.id }), 404);
    expectScimError(await callScim(b.directoryId, 'DELETE', `/Users/${created.body.id}`, { token: b.token, hostTenantId: b.tenant.id }), 404);
    expect(await membershipOf(a.tenant.id, a.email('ada'))).not.toBeNull();
  });

  it("keeps concurrent requests of two workspaces' directories apart", async () => {
    const a = await scimWorkspace();
    const b = await scimWorkspace();
    const calls = [];
    for (let i = 0; i < 8; i++) calls.push(a.scim('POST', '/Users', user(a, `a${i}`)), b.scim('POST', '/Users', user(b, `b${i}`)));
    for (const answer of await Promise.all(calls)) expectOk(answer, 201);
    const [inA, inB] = await Promise.all([a.scim('GET', '/Users'), b.scim('GET', '/Users')]);
    expect(inA.body.Resources.map((u: { userName: string }) => u.userName).sort()).toEqual([...Array(8).keys()].map((i) => a.email(`a${i}`)).sort());
    expect(inB.body.Resources.map((u: { userName: string }) => u.userName).sort()).toEqual([...Array(8).keys()].map((i) => b.email(`b${i}`)).sort());
    expect(await db.membership.count({ where: { tenantId: a.tenant.id, user: { email: { endsWith: `@${b.domain}` } } } })).toBe(0);
  });

  it('pauses provisioning for a suspended workspace', async () => {
    const ws = await scimWorkspace();
    await db.tenant.update({ where: { id: ws.tenant.id }, data: { status: 'suspended' } });
    const { clearLocalTenantCache } = await import('../../lib/tenancy/tenant-cache.ts');
    clearLocalTenantCache();
    expectScimError(await ws.scim('POST', '/Users', user(ws, 'ada'), { hostTenantId: null }), 403);
  });
});

describe('SCIM errors', () => {
  it('answers malformed bodies with 400 SCIM errors, never a 500', async () => {
    const ws = await scimWorkspace();
    const id = (await ws.scim('POST', '/Users', user(ws, 'ada'))).body.id as string;
    const group = (await ws.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'G' })).body.id as string;
    const cases: [string, Awaited<ReturnType<typeof ws.scim>>, string][] = [
      ['invalid JSON', await ws.scim('POST', '/Users', '{"userName": '), 'invalidSyntax'],
      ['empty body', await ws.scim('POST', '/Users', ''), 'invalidSyntax'],
      ['array body', await ws.scim('POST', '/Users', []), 'invalidSyntax'],
      ['null body', await ws.scim('POST', '/Users', 'null'), 'invalidSyntax'],
      ['no userName', await ws.scim('POST', '/Users', { schemas: [USER_SCHEMA], active: true }), 'invalidValue'],
      ['userName not a string', await ws.scim('POST', '/Users', { userName: 42 }), 'invalidValue'],
      ['active not boolean', await ws.scim('POST', '/Users', user(ws, 'bob', { active: 'maybe' })), 'invalidValue'],
      ['emails not a list', await ws.scim('POST', '/Users', user(ws, 'bob', { emails: 'bob@x' })), 'invalidValue'],
      ['active user without email', await ws.scim('POST', '/Users', { userName: 'not-an-email' }), 'invalidValue'],
      ['PATCH without Operations', await ws.scim('PATCH', `/Users/${id}`, { schemas: [PATCH_OP] }), 'invalidSyntax'],
      ['PATCH with empty Operations', await ws.scim('PATCH', `/Users/${id}`, { Operations: [] }), 'invalidSyntax'],
      ['PATCH with unknown op', await ws.scim('PATCH', `/Users/${id}`, { Operations: [{ op: 'merge', path: 'active', value: false }] }), 'invalidSyntax'],
      ['PATCH replace without value', await ws.scim('PATCH', `/Users/${id}`, { Operations: [{ op: 'replace', path: 'active' }] }), 'invalidValue'],
      ['PATCH remove without path', await ws.scim('PATCH', `/Users/${id}`, { Operations: [{ op: 'remove' }] }), 'noTarget'],
      ['PATCH path-less with a string value', await ws.scim('PATCH', `/Users/${id}`, { Operations: [{ op: 'replace', value: 'x' }] }), 'invalidSyntax'],
      ['PATCH bad path', await ws.scim('PATCH', `/Users/${id}`, { Operations: [{ op: 'replace', path: 'emails[type eq work].value', value: 'x' }] }), 'invalidFilter'],
      ['PATCH __proto__ path', await ws.scim('PATCH', `/Users/${id}`, { Operations: [{ op: 'replace', path: '__proto__.polluted', value: 'x' }] }), 'invalidPath'],
      ['PATCH making userName empty', await ws.scim('PATCH', `/Users/${id}`, { Operations: [{ op: 'remove', path: 'userName' }] }), 'invalidValue'],
      ['PATCH active to junk', await ws.scim('PATCH', `/Users/${id}`, { Operations: [{ op: 'replace', path: 'active', value: 'Nope' }] }), 'invalidValue'],
      ['group without displayName', await ws.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA] }), 'invalidValue'],
      ['group members not a list', await ws.scim('POST', '/Groups', { displayName: 'X', members: 'all' }), 'invalidValue'],
      ['group member without value', await ws.scim('POST', '/Groups', { displayName: 'X', members: [{ display: 'a' }] }), 'invalidValue'],
      ['group PATCH members to junk', await ws.scim('PATCH', `/Groups/${group}`, { Operations: [{ op: 'replace', path: 'members', value: 'junk' }] }), 'invalidValue'],
      ['unknown filter operator', await ws.scim('GET', `/Users?filter=${encodeURIComponent('userName zz "a"')}`), 'invalidFilter'],
      ['unbalanced parentheses', await ws.scim('GET', `/Users?filter=${encodeURIComponent('(userName eq "a" or userName eq "b"')}`), 'invalidFilter'],
      ['unknown filter attribute', await ws.scim('GET', `/Users?filter=${encodeURIComponent('shoeSize eq "a"')}`), 'invalidFilter'],
      ['unquoted filter value', await ws.scim('GET', `/Users?filter=${encodeURIComponent('userName eq ada')}`), 'invalidFilter'],
      ['filter without a value', await ws.scim('GET', `/Users?filter=${encodeURIComponent('userName sw')}`), 'invalidFilter'],
      ['non-numeric count', await ws.scim('GET', '/Users?count=ten'), 'invalidValue'],
    ];
    for (const [label, answer, scimType] of cases) {
      expect(answer.status, `${label}: ${answer.text}`).toBe(400);
      expectScimError(answer, 400, scimType);
    }
    // Nothing half-applied.
    expect((await ws.scim('GET', `/Users/${id}`)).body).toMatchObject({ userName: ws.email('ada'), active: true });
  });

  it('answers other bad requests with SCIM errors too', async () => {
    const ws = await scimWorkspace();
    expectScimError(await ws.scim('POST', '/Users', user(ws, 'ada'), { contentType: 'application/x-www-form-urlencoded' }), 415);
    expectScimError(await ws.scim('GET', '/Users/nope'), 404);
    expectScimError(await ws.scim('PATCH', '/Groups/nope', { Operations: [{ op: 'add', path: 'members', value: [] }] }), 404);
    expectScimError(await ws.scim('GET', '/Widgets'), 404);
    expectScimError(await ws.scim('GET', '/Users/a/b'), 404);
    expectScimError(await ws.scim('DELETE', '/Users'), 405);
    expectScimError(await ws.scim('POST', '/Users', JSON.stringify({ userName: ws.email('big'), padding: 'x'.repeat(1024 * 1024) })), 413);
    expectOk(await ws.scim('POST', '/Users', user(ws, 'ada')), 201);
    expectScimError(await ws.scim('POST', '/Users', user(ws, 'ADA')), 409, 'uniqueness');
    // Case is ignored, but _ and % are characters like any other, not LIKE's wildcards.
    expectOk(await ws.scim('POST', '/Users', user(ws, 'a_b')), 201);
    expectOk(await ws.scim('POST', '/Users', user(ws, 'axb')), 201);
    expectOk(await ws.scim('POST', '/Users', user(ws, '%da')), 201);
    expectScimError(await ws.scim('POST', '/Users', user(ws, 'A_B')), 409, 'uniqueness');
    expectOk(await ws.scim('POST', '/Groups', { displayName: 'Sales' }), 201);
    expectScimError(await ws.scim('POST', '/Groups', { displayName: 'sales' }), 409, 'uniqueness');
    expectOk(await ws.scim('POST', '/Groups', { displayName: 'S%' }), 201);
    // JSON as text/plain (a string body without a type gets that from fetch) and as application/json is accepted.
    expectOk(await ws.scim('POST', '/Users', user(ws, 'bob'), { contentType: null }), 201);
    expectOk(await ws.scim('POST', '/Users', user(ws, 'cy'), { contentType: 'application/json' }), 201);
  });

  it('pages with startIndex and count, and describes itself', async () => {
    const ws = await scimWorkspace();
    for (const local of ['u1', 'u2', 'u3', 'u4', 'u5']) expectOk(await ws.scim('POST', '/Users', user(ws, local)), 201);
    const page = await ws.scim('GET', '/Users?startIndex=2&count=2');
    expect(page.body).toMatchObject({ totalResults: 5, startIndex: 2, itemsPerPage: 2 });
    expect(page.body.Resources.map((u: { userName: string }) => u.userName)).toEqual([ws.email('u2'), ws.email('u3')]);
    const countOnly = await ws.scim('GET', '/Users?count=0');
    expect(countOnly.body).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
    expect((await ws.scim('GET', '/Users?startIndex=-3&count=1')).body.Resources[0].userName).toBe(ws.email('u1'));
    const active = await ws.scim('GET', `/Users?filter=${encodeURIComponent('active eq true')}&attributes=userName`);
    expect(active.body.totalResults).toBe(5);
    expect(Object.keys(active.body.Resources[0]).sort()).toEqual(['id', 'meta', 'schemas', 'userName']);

    const config = await ws.scim('GET', '/ServiceProviderConfig');
    expectOk(config);
    expect(config.body).toMatchObject({ patch: { supported: true }, filter: { supported: true }, bulk: { supported: false } });
    const types = await ws.scim('GET', '/ResourceTypes');
    expect(types.body.Resources.map((t: { id: string }) => t.id)).toEqual(['User', 'Group']);
  });
});

describe('SCIM provisioning rules', () => {
  it('refuses addresses outside the verified domains with a 403 that says why', async () => {
    const ws = await scimWorkspace();
    const pending = `pending-${ws.domain}`;
    await verifyDomain(ws.tenant.id, pending, false);
    const rival = await workspace();
    const rivalDomain = `rival-${ws.domain}`;
    await verifyDomain(rival.id, rivalDomain);

    // Elsewhere, not yet verified, another workspace's, and a subdomain (each domain is verified on its own).
    for (const email of ['mallory@gmail.test', `ada@${pending}`, `ada@${rivalDomain}`, `ada@eu.${ws.domain}`]) {
      const answer = await ws.scim('POST', '/Users', { userName: email, emails: [{ value: email, primary: true }] });
      expectScimError(answer, 403);
      expect(answer.body.detail).toContain('is not a verified domain of this workspace');
    }
    expect(await db.scimUser.count({ where: { directoryId: ws.directoryId } })).toBe(0);
    expect(await db.user.count({ where: { email: { in: ['mallory@gmail.test', `ada@${rivalDomain}`] } } })).toBe(0);
    // A verified custom domain used as an email domain counts too.
    const custom = `mail-${ws.tenant.slug}.test`;
    await db.domain.create({ data: { tenantId: ws.tenant.id, hostname: custom, verificationToken: 'x', verifiedAt: new Date() } });
    expectOk(await ws.scim('POST', '/Users', { userName: `ada@${custom}` }), 201);
    // An inactive user is stored (nothing is provisioned); activating checks the domain.
    const inactive = await ws.scim('POST', '/Users', { userName: 'eve@gmail.test', active: false });
    expectOk(inactive, 201);
    expectScimError(await ws.scim('PATCH', `/Users/${inactive.body.id}`, { Operations: [{ op: 'replace', value: { active: true } }] }), 403);
    expect(await db.user.count({ where: { email: 'eve@gmail.test' } })).toBe(0);
    // Re-activating someone checks again: a domain no longer verified provisions no one.
    const ada = (await ws.scim('POST', '/Users', { userName: ws.email('ada') })).body.id as string;
    expectOk(await ws.scim('PATCH', `/Users/${ada}`, { Operations: [{ op: 'replace', value: { active: false } }] }));
    await db.ssoDomain.updateMany({ where: { tenantId: ws.tenant.id, domain: ws.domain }, data: { verifiedAt: null } });
    expectScimError(await ws.scim('PATCH', `/Users/${ada}`, { Operations: [{ op: 'replace', value: { active: true } }] }), 403);
    expect(await membershipOf(ws.tenant.id, ws.email('ada'))).toBeNull();
  });

  it("never resets an existing admin's or owner's role, and links existing accounts", async () => {
    const ws = await scimWorkspace();
    const admin = await createMember(ws.tenant.id, 'admin', ws.email('boss'));
    const created = await ws.scim('POST', '/Users', user(ws, 'boss'));
    expectOk(created, 201);
    expect((await db.scimUser.findUniqueOrThrow({ where: { id: created.body.id } })).userId).toBe(admin.id);
    expect((await membershipOf(ws.tenant.id, ws.email('boss')))?.role).toBe('admin');
    // Still admin after profile syncs and group moves, even into a group mapped to "viewer".
    await db.ssoConfig.create({ data: { tenantId: ws.tenant.id, roleMapping: { Contractors: 'viewer' } } });
    expectOk(await ws.scim('PUT', `/Users/${created.body.id}`, user(ws, 'boss', { title: 'CEO' })));
    expectOk(await ws.scim('POST', '/Groups', { displayName: 'Contractors', members: [{ value: created.body.id }] }), 201);
    expect((await membershipOf(ws.tenant.id, ws.email('boss')))?.role).toBe('admin');
    // The account keeps its password: a directory does not touch sign-in credentials.
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).passwordHash).not.toBeNull();
  });

  it('maps roles from groups (highest wins, never owner) and uses the workspace default otherwise', async () => {
    const ws = await scimWorkspace();
    await db.tenant.update({ where: { id: ws.tenant.id }, data: { defaultRole: 'viewer' } });
    const { clearLocalTenantCache } = await import('../../lib/tenancy/tenant-cache.ts');
    clearLocalTenantCache();
    await db.ssoConfig.create({ data: { tenantId: ws.tenant.id, roleMapping: { 'waypoint-admins': 'admin', Staff: 'member', Founders: 'owner' } } });
    const ada = (await ws.scim('POST', '/Users', user(ws, 'ada'))).body.id as string;
    expect((await membershipOf(ws.tenant.id, ws.email('ada')))?.role).toBe('viewer');

    const staff = (await ws.scim('POST', '/Groups', { displayName: 'Staff', members: [{ value: ada }] })).body.id as string;
    expect((await membershipOf(ws.tenant.id, ws.email('ada')))?.role).toBe('member');
    const founders = (await ws.scim('POST', '/Groups', { displayName: 'Founders', members: [{ value: ada }] })).body.id as string;
    expect((await membershipOf(ws.tenant.id, ws.email('ada')))?.role).toBe('member');
    expectOk(await ws.scim('PATCH', `/Groups/${founders}`, { Operations: [{ op: 'replace', path: 'displayName', value: 'waypoint-admins' }] }));
    expect((await membershipOf(ws.tenant.id, ws.email('ada')))?.role).toBe('admin');
    // Now an admin: leaving the groups does not demote them (admins are never reset by a sync).
    expectOk(await ws.scim('PATCH', `/Groups/${staff}`, { Operations: [{ op: 'remove', path: `members[value eq "${ada}"]` }] }));
    expect((await membershipOf(ws.tenant.id, ws.email('ada')))?.role).toBe('admin');
    const events = await db.domainEvent.findMany({ where: { tenantId: ws.tenant.id, type: 'user.updated' }, select: { payload: true } });
    expect(events.map((e) => (e.payload as { changes: { role: { to: string } } }).changes.role.to)).toEqual(expect.arrayContaining(['member', 'admin']));

    // A new user who is already in a mapped group when re-activated gets the mapped role.
    const bob = (await ws.scim('POST', '/Users', user(ws, 'bob', { active: false }))).body.id as string;
    expectOk(await ws.scim('PATCH', `/Groups/${staff}`, { Operations: [{ op: 'add', path: 'members', value: [{ value: bob }] }] }));
    expect(await membershipOf(ws.tenant.id, ws.email('bob'))).toBeNull();
    expectOk(await ws.scim('PATCH', `/Users/${bob}`, { Operations: [{ op: 'replace', value: { active: true } }] }));
    expect((await membershipOf(ws.tenant.id, ws.email('bob')))?.role).toBe('member');
  });

  it("refuses to deprovision the workspace's last owner", async () => {
    const tenant = await enterpriseWorkspace();
    const owner = await createMember(tenant.id, 'owner', `owner@solo-${tenant.slug}.test`);
    await verifyDomain(tenant.id, `solo-${tenant.slug}.test`);
    const ownerMember = await memberIn(tenant, 'admin');
    const { directory, token } = await createDirectory(tenant, ownerMember, { name: 'Okta', provider: 'okta' });
    const created = await callScim(directory.id, 'POST', '/Users', { token, hostTenantId: tenant.id, body: { userName: owner.email } });
    expectOk(created, 201);
    const off = await callScim(directory.id, 'PATCH', `/Users/${created.body.id}`, { token, hostTenantId: tenant.id, body: { Operations: [{ op: 'replace', value: { active: false } }] } });
    expectScimError(off, 409);
    expect(off.body.detail).toContain('last owner');
    expect((await membershipOf(tenant.id, owner.email))?.role).toBe('owner');
    expect((await db.scimUser.findUniqueOrThrow({ where: { id: created.body.id } })).active).toBe(true);
  });

  it('keeps a person who another active directory user still provisions', async () => {
    const ws = await scimWorkspace();
    const { directory, token } = await createDirectory(ws.tenant, ws.admin, { name: 'Second', provider: 'generic' });
    const first = (await ws.scim('POST', '/Users', user(ws, 'ada'))).body.id as string;
    expectOk(await callScim(directory.id, 'POST', '/Users', { token, hostTenantId: ws.tenant.id, body: user(ws, 'ada') }), 201);
    expectOk(await ws.scim('DELETE', `/Users/${first}`), 204);
    expect(await membershipOf(ws.tenant.id, ws.email('ada'))).not.toBeNull();
  });

  it('applies concurrent group PATCHes one after the other', async () => {
    const ws = await scimWorkspace();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await ws.scim('POST', '/Users', user(ws, `p${i}`))).body.id as string);
    const group = (await ws.scim('POST', '/Groups', { displayName: 'Parallel' })).body.id as string;
    const answers = await Promise.all(ids.map((id) => ws.scim('PATCH', `/Groups/${group}`, { Operations: [{ op: 'Add', path: 'members', value: [{ value: id }] }] })));
    for (const answer of answers) expectOk(answer);
    const row = await db.scimGroup.findUniqueOrThrow({ where: { id: group } });
    expect(row.memberIds.sort()).toEqual([...ids].sort());
    expect(await db.teamMember.count({ where: { teamId: row.teamId! } })).toBe(6);
  });
});
