import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { eventTypes, expectOk, GROUP_SCHEMA, membershipOf, PATCH_OP, scimWorkspace, teamEmails, USER_SCHEMA, type ScimWorkspace } from '../support/scim-client.ts';

// The requests Okta's SCIM 2.0 provisioning sends (Okta's "SCIM 2.0 protocol reference"):
// it looks a user up by userName before creating, pushes profile changes with PUT,
// deactivates and reactivates with a path-less PATCH replace of "active", never DELETEs users,
// and manages Push Groups with POST, a path-less replace of displayName, "add" on "members"
// and "remove" on 'members[value eq "…"]'.

function oktaUser(ws: ScimWorkspace, local: string, extra: Record<string, unknown> = {}) {
  const email = ws.email(local);
  return {
    schemas: [USER_SCHEMA],
    userName: email,
    name: { givenName: 'Test', familyName: local },
    emails: [{ primary: true, value: email, type: 'work' }],
    displayName: `Test ${local}`,
    locale: 'en-US',
    externalId: `00u${local}`,
    groups: [],
    password: '1mz050nq',
    active: true,
    ...extra,
  };
}

const deactivate = { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] };
const reactivate = { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] };

async function provision(ws: ScimWorkspace, local: string): Promise<string> {
  const created = await ws.scim('POST', '/Users', oktaUser(ws, local));
  expectOk(created, 201);
  return created.body.id as string;
}

describe('SCIM with Okta', () => {
  it('looks a user up, creates them as a member with the default role, and finds them by userName', async () => {
    const ws = await scimWorkspace('okta');
    const email = ws.email('ada');
    const lookup = await ws.scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}&startIndex=1&count=100`);
    expectOk(lookup);
    expect(lookup.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });

    const created = await ws.scim('POST', '/Users', oktaUser(ws, 'ada'));
    expectOk(created, 201);
    expect(created.headers.get('location')).toBe(`${created.body.meta.location}`);
    expect(created.body).toMatchObject({ schemas: [USER_SCHEMA], userName: email, active: true, externalId: '00uada', name: { givenName: 'Test', familyName: 'ada' }, meta: { resourceType: 'User' } });
    expect(created.body.password).toBeUndefined();
    expect(created.body.meta.location).toMatch(new RegExp(`^http://${ws.tenant.slug}\\.localhost:3100/api/scim/v2\\.0/${ws.directoryId}/Users/`));

    const membership = await membershipOf(ws.tenant.id, email);
    expect(membership?.role).toBe(ws.tenant.defaultRole);
    const account = await db.user.findUniqueOrThrow({ where: { email } });
    expect(account.name).toBe('Test ada');
    expect(account.passwordHash).toBeNull();
    expect(account.emailVerifiedAt).toEqual(expect.any(Date));
    expect(await eventTypes(ws.tenant.id)).toContain('user.created');
    expect(await db.auditLog.count({ where: { tenantId: ws.tenant.id, action: 'member.provisioned', targetId: account.id } })).toBe(1);

    // userName is case-insensitive.
    const found = await ws.scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${email.toUpperCase()}"`)}`);
    expectOk(found);
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0].id).toBe(created.body.id);
    const byId = await ws.scim('GET', `/Users/${created.body.id}`);
    expectOk(byId);
    expect(byId.body.userName).toBe(email);
  });

  it('applies PUT profile updates, keeping unknown attributes for GET', async () => {
    const ws = await scimWorkspace('okta');
    const id = await provision(ws, 'grace');
    const put = await ws.scim('PUT', `/Users/${id}`, { ...oktaUser(ws, 'grace'), id, name: { givenName: 'Grace', familyName: 'Hopper' }, title: 'Rear Admiral' });
    expectOk(put);
    expect(put.body).toMatchObject({ id, name: { givenName: 'Grace', familyName: 'Hopper' }, title: 'Rear Admiral', active: true });
    expect((await ws.scim('GET', `/Users/${id}`)).body.title).toBe('Rear Admiral');
    expect((await membershipOf(ws.tenant.id, ws.email('grace')))?.role).toBe('member');
  });

  it('deactivates (membership, team seats and sessions end) and reactivates with a path-less replace', async () => {
    const ws = await scimWorkspace('okta');
    const id = await provision(ws, 'linus');
    const email = ws.email('linus');
    const group = await ws.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Kernel', members: [{ value: id, display: email }] });
    expectOk(group, 201);
    const teamId = (await db.scimGroup.findUniqueOrThrow({ where: { id: group.body.id } })).teamId!;
    expect(await teamEmails(teamId)).toEqual([email]);
    const userId = (await membershipOf(ws.tenant.id, email))!.userId;
    const { issueLoginToken } = await import('../../lib/auth/login-token.ts');
    await issueLoginToken(db, userId, ws.tenant.id, 'sso');
    const { startSession } = await import('../../lib/auth/user-sessions.ts');
    const browser = await startSession({ userId, tenantId: ws.tenant.id, method: 'sso', ip: null, userAgent: null });
    const onPlatform = await startSession({ userId, tenantId: null, method: 'password', ip: null, userAgent: null });

    const off = await ws.scim('PATCH', `/Users/${id}`, deactivate);
    expectOk(off);
    expect(off.body.active).toBe(false);
    expect(await membershipOf(ws.tenant.id, email)).toBeNull();
    expect(await teamEmails(teamId)).toEqual([]);
    expect(await db.loginToken.count({ where: { userId, tenantId: ws.tenant.id, usedAt: null } })).toBe(0);
    expect(await db.userSession.findUniqueOrThrow({ where: { id: browser.id } })).toMatchObject({ revokedReason: 'deprovisioned', revokedAt: expect.any(Date) });
    expect(await db.userSession.findUniqueOrThrow({ where: { id: onPlatform.id } })).toMatchObject({ revokedAt: null });
    expect(await eventTypes(ws.tenant.id)).toEqual(expect.arrayContaining(['user.deleted', 'team.member_removed']));
    expect(await db.auditLog.findFirst({ where: { tenantId: ws.tenant.id, action: 'member.deprovisioned' }, select: { metadata: true } })).toMatchObject({ metadata: { reason: 'deactivated', source: 'scim' } });
    // Still in the directory, inactive; still in the group.
    const listed = await ws.scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}`);
    expect(listed.body.Resources[0].active).toBe(false);

    const on = await ws.scim('PATCH', `/Users/${id}`, reactivate);
    expectOk(on);
    expect((await membershipOf(ws.tenant.id, email))?.role).toBe('member');
    // Back in the teams of the groups they are in.
    expect(await teamEmails(teamId)).toEqual([email]);
  });

  it('pushes a group as a private team: rename, add and remove members, delete', async () => {
    const ws = await scimWorkspace('okta');
    const ada = await provision(ws, 'ada');
    const alan = await provision(ws, 'alan');

    const lookup = await ws.scim('GET', `/Groups?filter=${encodeURIComponent('displayName eq "Test SCIMv2"')}&startIndex=1&count=100`);
    expect(lookup.body.totalResults).toBe(0);
    const created = await ws.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Test SCIMv2', members: [] });
    expectOk(created, 201);
    expect(created.body).toMatchObject({ schemas: [GROUP_SCHEMA], displayName: 'Test SCIMv2', members: [] });
    const groupId = created.body.id as string;
    const { teamId } = await db.scimGroup.findUniqueOrThrow({ where: { id: groupId } });
    const team = await db.team.findUniqueOrThrow({ where: { id: teamId! } });
    expect(team).toMatchObject({ name: 'Test SCIMv2', visibility: 'private', tenantId: ws.tenant.id });

    const excluded = await ws.scim('GET', `/Groups/${groupId}?excludedAttributes=members`);
    expectOk(excluded);
    expect(excluded.body.members).toBeUndefined();
    expect(excluded.body.displayName).toBe('Test SCIMv2');

    const renamed = await ws.scim('PATCH', `/Groups/${groupId}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { id: groupId, displayName: 'Platform' } }] });
    expectOk(renamed);
    expect(renamed.body.displayName).toBe('Platform');
    expect((await db.team.findUniqueOrThrow({ where: { id: teamId! } })).name).toBe('Platform');

    const added = await ws.scim('PATCH', `/Groups/${groupId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value: [{ value: ada, display: ws.email('ada') }, { value: alan, display: ws.email('alan') }] }],
    });
    expectOk(added);
    expect(added.body.members.map((m: { value: string }) => m.value).sort()).toEqual([ada, alan].sort());
    expect(added.body.members.find((m: { value: string }) => m.value === ada).display).toBe(ws.email('ada'));
    expect(await teamEmails(teamId!)).toEqual([ws.email('ada'), ws.email('alan')].sort());
    expect(await db.teamMember.findFirst({ where: { teamId: teamId!, user: { email: ws.email('ada') } }, select: { role: true } })).toEqual({ role: 'member' });

    const removed = await ws.scim('PATCH', `/Groups/${groupId}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${ada}"]` }] });
    expectOk(removed);
    expect(removed.body.members.map((m: { value: string }) => m.value)).toEqual([alan]);
    expect(await teamEmails(teamId!)).toEqual([ws.email('alan')]);
    // Leaving a team is not leaving the workspace.
    expect(await membershipOf(ws.tenant.id, ws.email('ada'))).not.toBeNull();

    const gone = await ws.scim('DELETE', `/Groups/${groupId}`);
    expectOk(gone, 204);
    expect(await db.scimGroup.count({ where: { id: groupId } })).toBe(0);
    // The team and its goals stay; the directory's people leave it.
    expect(await db.team.count({ where: { id: teamId! } })).toBe(1);
    expect(await teamEmails(teamId!)).toEqual([]);
    expect((await ws.scim('GET', `/Groups/${groupId}`)).status).toBe(404);
    const audits = await db.auditLog.findMany({ where: { tenantId: ws.tenant.id, targetId: teamId! }, select: { action: true } });
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['team.created', 'team.updated', 'team.member_added', 'team.member_removed']));
  });

  it('never takes over a team it did not create: hand-made teams and teams left by deleted groups, on create and rename alike', async () => {
    const ws = await scimWorkspace('okta');
    const handMade = await db.team.create({ data: { tenantId: ws.tenant.id, name: 'Design', visibility: 'public' } });
    const id = await provision(ws, 'dieter');
    const created = await ws.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'design', members: [{ value: id }] });
    expectOk(created, 201);
    const designTeam = (await db.scimGroup.findUniqueOrThrow({ where: { id: created.body.id } })).teamId!;
    expect(designTeam).not.toBe(handMade.id);
    expect(await db.team.findUniqueOrThrow({ where: { id: designTeam } })).toMatchObject({ name: 'design (2)', visibility: 'private' });
    expect(await teamEmails(handMade.id)).toEqual([]);
    expect(await teamEmails(designTeam)).toEqual([ws.email('dieter')]);

    // A deleted group leaves its team behind; a new group of that name gets a team of its own.
    const kernel = await ws.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Kernel', members: [{ value: id }] });
    const leftBehind = (await db.scimGroup.findUniqueOrThrow({ where: { id: kernel.body.id } })).teamId!;
    expectOk(await ws.scim('DELETE', `/Groups/${kernel.body.id}`), 204);
    const again = await ws.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Kernel', members: [{ value: id }] });
    expectOk(again, 201);
    const againTeam = (await db.scimGroup.findUniqueOrThrow({ where: { id: again.body.id } })).teamId!;
    expect(againTeam).not.toBe(leftBehind);
    expect(await teamEmails(leftBehind)).toEqual([]);

    // A rename onto a taken name behaves like a create: its own team, numbered, never a 409.
    const platform = await db.team.create({ data: { tenantId: ws.tenant.id, name: 'Platform', visibility: 'public' } });
    const other = await ws.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Other', members: [{ value: id }] });
    const otherTeam = (await db.scimGroup.findUniqueOrThrow({ where: { id: other.body.id } })).teamId!;
    const renamed = await ws.scim('PATCH', `/Groups/${other.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { displayName: 'platform' } }] });
    expectOk(renamed);
    expect(renamed.body.displayName).toBe('platform');
    expect((await db.scimGroup.findUniqueOrThrow({ where: { id: other.body.id } })).teamId).toBe(otherTeam);
    expect((await db.team.findUniqueOrThrow({ where: { id: otherTeam } })).name).toBe('platform (2)');
    expect(await teamEmails(platform.id)).toEqual([]);
    // Renamed back, it keeps its team, under its name again.
    expectOk(await ws.scim('PUT', `/Groups/${other.body.id}`, { schemas: [GROUP_SCHEMA], displayName: 'Other' }), 200);
    expect((await db.team.findUniqueOrThrow({ where: { id: otherTeam } })).name).toBe('Other');
    expect((await db.team.findUniqueOrThrow({ where: { id: handMade.id } })).name).toBe('Design');
    expect(await db.team.count({ where: { tenantId: ws.tenant.id } })).toBe(6);
  });

  it('runs the same provisioning sequence twice in a row against one directory, passing both times', async () => {
    const ws = await scimWorkspace('okta');
    const filter = (expression: string) => `filter=${encodeURIComponent(expression)}&startIndex=1&count=100`;
    // Okta's cycle: look up, create or update, push the group, change its members, rename it,
    // unpush it (delete), unassign the users (deactivate).
    async function cycle(run: number): Promise<void> {
      const ids: Record<string, string> = {};
      for (const local of ['ada', 'alan']) {
        const found = await ws.scim('GET', `/Users?${filter(`userName eq "${ws.email(local)}"`)}`);
        expectOk(found);
        if (found.body.totalResults === 0) {
          expect(run, 'users are created on the first run only').toBe(1);
          ids[local] = await provision(ws, local);
        } else {
          ids[local] = found.body.Resources[0].id;
          expectOk(await ws.scim('PUT', `/Users/${ids[local]}`, oktaUser(ws, local)));
          expectOk(await ws.scim('PATCH', `/Users/${ids[local]}`, reactivate));
        }
        expect(await membershipOf(ws.tenant.id, ws.email(local)), `${local}, run ${run}`).not.toBeNull();
      }
      expect((await ws.scim('GET', `/Groups?${filter('displayName eq "Kernel"')}`)).body.totalResults).toBe(0);
      const group = await ws.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Kernel', members: [{ value: ids.ada }] });
      expectOk(group, 201);
      const { teamId } = await db.scimGroup.findUniqueOrThrow({ where: { id: group.body.id } });
      expect(await teamEmails(teamId!)).toEqual([ws.email('ada')]);
      expectOk(await ws.scim('PATCH', `/Groups/${group.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: ids.alan }] }] }));
      expectOk(await ws.scim('PATCH', `/Groups/${group.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${ids.ada}"]` }] }));
      expect(await teamEmails(teamId!)).toEqual([ws.email('alan')]);
      const renamed = await ws.scim('PATCH', `/Groups/${group.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { id: group.body.id, displayName: 'Kernel Team' } }] });
      expectOk(renamed);
      expect((await db.team.findUniqueOrThrow({ where: { id: teamId! } })).name).toMatch(/^Kernel Team( \(\d+\))?$/);
      expectOk(await ws.scim('DELETE', `/Groups/${group.body.id}`), 204);
      expect(await teamEmails(teamId!)).toEqual([]);
      for (const local of ['ada', 'alan']) {
        expectOk(await ws.scim('PATCH', `/Users/${ids[local]}`, deactivate));
        expect(await membershipOf(ws.tenant.id, ws.email(local))).toBeNull();
      }
    }
    await cycle(1);
    await cycle(2);
    // Each run made its own team; the users were made once.
    expect(await db.scimUser.count({ where: { directoryId: ws.directoryId } })).toBe(2);
    expect(await db.team.count({ where: { tenantId: ws.tenant.id, name: { startsWith: 'Kernel Team' } } })).toBe(2);
  });
});
