import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '../../lib/db/client.ts';
import { ENTERPRISE_USER, eventTypes, expectOk, expectScimError, GROUP_SCHEMA, membershipOf, PATCH_OP, scimWorkspace, teamEmails, USER_SCHEMA, type ScimWorkspace } from '../support/scim-client.ts';

// The requests Microsoft Entra ID's provisioning service sends (Microsoft's "Develop and plan
// provisioning for a SCIM endpoint" request examples): a userName that is not the email (the
// work email is in "emails"), the enterprise extension, PATCH ops capitalised ("Replace",
// "Add", "Remove"), booleans as "True"/"False" strings (without the aadOptscim062020 flag),
// member changes as "Add"/"Remove" on "members" with a value list, excludedAttributes=members,
// and a membership check filter 'id eq "…" and members[value eq "…"]'.

function entraUser(ws: ScimWorkspace, local: string) {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_USER],
    externalId: randomUUID(),
    userName: `Test_User_${local}`,
    active: true,
    emails: [{ primary: true, type: 'work', value: ws.email(local) }],
    meta: { resourceType: 'User' },
    name: { formatted: `${local} Lovelace`, familyName: 'Lovelace', givenName: local },
    roles: [],
    [ENTERPRISE_USER]: { department: 'Engineering', employeeNumber: '42' },
  };
}

const patch = (...Operations: Record<string, unknown>[]) => ({ schemas: [PATCH_OP], Operations });

async function provision(ws: ScimWorkspace, local: string): Promise<string> {
  const created = await ws.scim('POST', '/Users', entraUser(ws, local));
  expectOk(created, 201);
  return created.body.id as string;
}

describe('SCIM with Microsoft Entra ID', () => {
  it('creates a user whose userName is not an email from the work email, with the enterprise extension', async () => {
    const ws = await scimWorkspace('azure');
    const none = await ws.scim('GET', `/Users?filter=${encodeURIComponent('userName eq "Test_User_ada"')}`);
    expect(none.body.totalResults).toBe(0);
    const body = entraUser(ws, 'ada');
    const created = await ws.scim('POST', '/Users', body);
    expectOk(created, 201);
    expect(created.body.schemas).toEqual([USER_SCHEMA, ENTERPRISE_USER]);
    expect(created.body[ENTERPRISE_USER]).toEqual({ department: 'Engineering', employeeNumber: '42' });
    expect((await membershipOf(ws.tenant.id, ws.email('ada')))?.role).toBe('member');
    expect((await db.user.findUniqueOrThrow({ where: { email: ws.email('ada') } })).name).toBe('ada Lovelace');
    const byExternalId = await ws.scim('GET', `/Users?filter=${encodeURIComponent(`externalId eq "${body.externalId}"`)}`);
    expect(byExternalId.body.Resources.map((u: { id: string }) => u.id)).toEqual([created.body.id]);
  });

  it('applies capitalised PATCH ops on multi- and single-valued attributes', async () => {
    const ws = await scimWorkspace('azure');
    const id = await provision(ws, 'grace');
    const updated = await ws.scim(
      'PATCH',
      `/Users/${id}`,
      patch(
        { op: 'Replace', path: 'emails[type eq "work"].value', value: ws.email('grace.hopper') },
        { op: 'Replace', path: 'name.familyName', value: 'Hopper' },
        { op: 'Add', path: `${ENTERPRISE_USER}:manager`, value: 'mgr-1' },
        { op: 'Remove', path: `${ENTERPRISE_USER}:employeeNumber` },
      ),
    );
    expectOk(updated);
    expect(updated.body.emails).toEqual([{ primary: true, type: 'work', value: ws.email('grace.hopper') }]);
    expect(updated.body.name.familyName).toBe('Hopper');
    // Entra sends the manager as a bare id: it is the manager's "value".
    expect(updated.body[ENTERPRISE_USER]).toEqual({ department: 'Engineering', manager: { value: 'mgr-1' } });

    const renamed = await ws.scim('PATCH', `/Users/${id}`, patch({ op: 'Replace', path: 'userName', value: ws.email('grace.hopper') }));
    expectOk(renamed);
    expect(renamed.body.userName).toBe(ws.email('grace.hopper'));
    // The same Waypoint account, whose login email followed the work email.
    expect(await membershipOf(ws.tenant.id, ws.email('grace'))).toBeNull();
    expect((await membershipOf(ws.tenant.id, ws.email('grace.hopper')))?.userId).toBe((await db.scimUser.findUniqueOrThrow({ where: { id } })).userId);

    // Path-less replace with attribute paths as keys (Entra with aadOptscim062020).
    const pathless = await ws.scim('PATCH', `/Users/${id}`, patch({ op: 'replace', value: { 'name.givenName': 'Amazing Grace', displayName: 'Grace H.' } }));
    expectOk(pathless);
    expect(pathless.body).toMatchObject({ name: { givenName: 'Amazing Grace', familyName: 'Hopper' }, displayName: 'Grace H.' });
  });

  it("moves the linked account when the work email changes, refusing another account's address (409) and unverified domains (403)", async () => {
    const ws = await scimWorkspace('azure');
    const id = await provision(ws, 'ada');
    const accountId = (await db.scimUser.findUniqueOrThrow({ where: { id } })).userId!;
    const moved = await ws.scim('PATCH', `/Users/${id}`, patch({ op: 'Replace', path: 'emails[type eq "work"].value', value: ws.email('ada.lovelace') }));
    expectOk(moved);
    const account = await db.user.findUniqueOrThrow({ where: { id: accountId } });
    expect(account.email).toBe(ws.email('ada.lovelace'));
    expect(await db.user.count({ where: { email: ws.email('ada') } })).toBe(0);
    expect((await membershipOf(ws.tenant.id, ws.email('ada.lovelace')))?.userId).toBe(accountId);
    expect(await db.auditLog.count({ where: { tenantId: ws.tenant.id, action: 'member.email_changed', targetId: accountId } })).toBe(1);

    // Another account's address: 409 uniqueness, nothing changes.
    await db.user.create({ data: { email: ws.email('bob') } });
    const clash = await ws.scim('PATCH', `/Users/${id}`, patch({ op: 'Replace', path: 'emails[type eq "work"].value', value: ws.email('bob') }));
    expectScimError(clash, 409, 'uniqueness');
    expect((await db.user.findUniqueOrThrow({ where: { id: accountId } })).email).toBe(ws.email('ada.lovelace'));
    expect((await ws.scim('GET', `/Users/${id}`)).body.emails[0].value).toBe(ws.email('ada.lovelace'));

    // Outside the workspace's verified domains: 403, nothing changes.
    expectScimError(await ws.scim('PUT', `/Users/${id}`, { ...entraUser(ws, 'ada'), emails: [{ primary: true, type: 'work', value: 'ada@elsewhere.test' }] }), 403);
    expect((await db.user.findUniqueOrThrow({ where: { id: accountId } })).email).toBe(ws.email('ada.lovelace'));
  });

  it('disables with "False", re-enables with "True" (and with booleans), deletes with 204', async () => {
    const ws = await scimWorkspace('azure');
    const id = await provision(ws, 'alan');
    const email = ws.email('alan');

    const off = await ws.scim('PATCH', `/Users/${id}`, patch({ op: 'Replace', path: 'active', value: 'False' }));
    expectOk(off);
    expect(off.body.active).toBe(false);
    expect(await membershipOf(ws.tenant.id, email)).toBeNull();
    const filtered = await ws.scim('GET', `/Users?filter=${encodeURIComponent('userName eq "Test_User_alan"')}`);
    expect(filtered.body.Resources[0].active).toBe(false);

    const on = await ws.scim('PATCH', `/Users/${id}`, patch({ op: 'Replace', path: 'active', value: 'True' }));
    expectOk(on);
    expect(on.body.active).toBe(true);
    expect(await membershipOf(ws.tenant.id, email)).not.toBeNull();

    expectOk(await ws.scim('PATCH', `/Users/${id}`, patch({ op: 'replace', path: 'active', value: false })));
    expect(await membershipOf(ws.tenant.id, email)).toBeNull();
    expectOk(await ws.scim('PATCH', `/Users/${id}`, patch({ op: 'replace', path: 'active', value: true })));
    expect(await membershipOf(ws.tenant.id, email)).not.toBeNull();

    const deleted = await ws.scim('DELETE', `/Users/${id}`);
    expectOk(deleted, 204);
    expect(deleted.text).toBe('');
    expect(await membershipOf(ws.tenant.id, email)).toBeNull();
    expect((await ws.scim('GET', `/Users/${id}`)).status).toBe(404);
    const audit = await db.auditLog.findFirst({ where: { tenantId: ws.tenant.id, action: 'member.deprovisioned' }, orderBy: { createdAt: 'desc' }, select: { metadata: true } });
    expect(audit?.metadata).toMatchObject({ reason: 'deleted', directoryId: ws.directoryId });
    // The person is erased from the workspace; with no other workspace, the account goes too
    // (one that belongs to other workspaces stays: tests/integration/privacy-operator-erasure.test.ts).
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it('syncs group membership with Add/Remove on "members" and answers the membership check filter', async () => {
    const ws = await scimWorkspace('azure');
    const ada = await provision(ws, 'ada');
    const alan = await provision(ws, 'alan');
    const created = await ws.scim('POST', '/Groups', {
      schemas: [GROUP_SCHEMA, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
      externalId: randomUUID(),
      displayName: 'Research',
      meta: { resourceType: 'Group' },
    });
    expectOk(created, 201);
    const groupId = created.body.id as string;
    const teamId = (await db.scimGroup.findUniqueOrThrow({ where: { id: groupId } })).teamId!;

    const byName = await ws.scim('GET', `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "research"')}`);
    expectOk(byName);
    expect(byName.body.totalResults).toBe(1);
    expect(byName.body.Resources[0].members).toBeUndefined();

    expectOk(await ws.scim('PATCH', `/Groups/${groupId}`, patch({ op: 'Add', path: 'members', value: [{ $ref: null, value: ada }, { $ref: null, value: alan }] })));
    expect(await teamEmails(teamId)).toEqual([ws.email('ada'), ws.email('alan')].sort());

    const check = (userId: string) => ws.scim('GET', `/Groups?excludedAttributes=members&filter=${encodeURIComponent(`id eq "${groupId}" and members[value eq "${userId}"]`)}`);
    expect((await check(ada)).body.totalResults).toBe(1);

    expectOk(await ws.scim('PATCH', `/Groups/${groupId}`, patch({ op: 'Remove', path: 'members', value: [{ $ref: null, value: ada }] })));
    expect(await teamEmails(teamId)).toEqual([ws.email('alan')]);
    expect((await check(ada)).body.totalResults).toBe(0);
    expect((await check(alan)).body.totalResults).toBe(1);

    const renamed = await ws.scim('PATCH', `/Groups/${groupId}`, patch({ op: 'Replace', path: 'displayName', value: 'Research & Development' }));
    expectOk(renamed);
    expect((await db.team.findUniqueOrThrow({ where: { id: teamId } })).name).toBe('Research & Development');

    // Deleting a user takes them out of the group and its team.
    expectOk(await ws.scim('DELETE', `/Users/${alan}`), 204);
    expect((await db.scimGroup.findUniqueOrThrow({ where: { id: groupId } })).memberIds).toEqual([]);
    expect(await teamEmails(teamId)).toEqual([]);

    expectOk(await ws.scim('DELETE', `/Groups/${groupId}`), 204);
    expect(await eventTypes(ws.tenant.id)).toEqual(expect.arrayContaining(['user.created', 'team.member_added', 'team.member_removed', 'user.deleted']));
  });

  it('ignores member ids that are not users of this directory', async () => {
    const ws = await scimWorkspace('azure');
    const other = await scimWorkspace('azure');
    const foreign = await provision(other, 'mallory');
    const created = await ws.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Ops', members: [{ value: foreign }, { value: 'no-such-user' }] });
    expectOk(created, 201);
    expect(created.body.members).toEqual([]);
    const teamId = (await db.scimGroup.findUniqueOrThrow({ where: { id: created.body.id } })).teamId!;
    expect(await teamEmails(teamId)).toEqual([]);
    expect(await db.membership.count({ where: { tenantId: ws.tenant.id, user: { email: other.email('mallory') } } })).toBe(0);
  });

  it('runs the same provisioning sequence twice in a row against one directory, passing both times', async () => {
    const ws = await scimWorkspace('azure');
    const q = (expression: string) => encodeURIComponent(expression);
    const teams = new Set<string>();
    // Entra's cycle: look up by userName, create, update with PATCH, disable and enable, find or
    // create the group (members excluded), add and remove members, check membership, delete all.
    async function cycle(run: number): Promise<void> {
      const ids: Record<string, string> = {};
      for (const local of ['grace', 'alan']) {
        const found = await ws.scim('GET', `/Users?filter=${q(`userName eq "Test_User_${local}"`)}`);
        expectOk(found);
        expect(found.body.totalResults, `run ${run}`).toBe(0);
        ids[local] = await provision(ws, local);
        expectOk(await ws.scim('PATCH', `/Users/${ids[local]}`, patch({ op: 'Replace', path: 'displayName', value: `${local} (run ${run})` }, { op: 'Replace', path: 'active', value: 'False' })));
        expect(await membershipOf(ws.tenant.id, ws.email(local))).toBeNull();
        expectOk(await ws.scim('PATCH', `/Users/${ids[local]}`, patch({ op: 'Replace', path: 'active', value: 'True' })));
        expect(await membershipOf(ws.tenant.id, ws.email(local)), `${local}, run ${run}`).not.toBeNull();
      }
      const lookup = await ws.scim('GET', `/Groups?excludedAttributes=members&filter=${q('displayName eq "Ops"')}`);
      expect(lookup.body.totalResults).toBe(0);
      const group = await ws.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], externalId: randomUUID(), displayName: 'Ops', members: [] });
      expectOk(group, 201);
      const { teamId } = await db.scimGroup.findUniqueOrThrow({ where: { id: group.body.id } });
      teams.add(teamId!);
      expectOk(await ws.scim('PATCH', `/Groups/${group.body.id}`, patch({ op: 'Add', path: 'members', value: [{ value: ids.grace }, { value: ids.alan }] })));
      expect(await teamEmails(teamId!)).toEqual([ws.email('alan'), ws.email('grace')]);
      expectOk(await ws.scim('PATCH', `/Groups/${group.body.id}`, patch({ op: 'Remove', path: 'members', value: [{ value: ids.alan }] })));
      const check = await ws.scim('GET', `/Groups?excludedAttributes=members&filter=${q(`id eq "${group.body.id}" and members[value eq "${ids.grace}"]`)}`);
      expect(check.body.totalResults).toBe(1);
      const notIn = await ws.scim('GET', `/Groups?excludedAttributes=members&filter=${q(`id eq "${group.body.id}" and members[value eq "${ids.alan}"]`)}`);
      expect(notIn.body.totalResults).toBe(0);
      expect(await teamEmails(teamId!)).toEqual([ws.email('grace')]);
      expectOk(await ws.scim('DELETE', `/Groups/${group.body.id}`), 204);
      for (const local of ['grace', 'alan']) {
        expectOk(await ws.scim('DELETE', `/Users/${ids[local]}`), 204);
        expect(await membershipOf(ws.tenant.id, ws.email(local))).toBeNull();
      }
    }
    await cycle(1);
    await cycle(2);
    expect(await db.scimUser.count({ where: { directoryId: ws.directoryId } })).toBe(0);
    // The second "Ops" got a team of its own, not the one the first left behind.
    expect(teams.size).toBe(2);
  });
});
