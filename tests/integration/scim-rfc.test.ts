import { filter as filterFunction, parse } from 'scim2-parse-filter';
import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { ENTERPRISE_USER, expectOk, expectScimError, GROUP_SCHEMA, PATCH_OP, scimWorkspace, USER_SCHEMA, type ScimWorkspace } from '../support/scim-client.ts';

// RFC 7643/7644 conformance beyond what Okta and Entra send: /Schemas, the whole filter grammar
// (checked against scim2-parse-filter's own evaluator), attributes with sub-attributes, names in
// any case with canonical answers, "schemas" validation, ETags and POST /.search.

const q = (filter: string) => `filter=${encodeURIComponent(filter)}`;

async function seedUsers(ws: ScimWorkspace) {
  const people = [
    { local: 'ada', given: 'ada', family: 'lovelace', title: 'engineer', department: 'math', work: 'ada' },
    { local: 'alan', given: 'alan', family: 'turing', title: 'scientist', department: 'math', work: 'alan.t' },
    { local: 'grace', given: 'grace', family: 'hopper', title: null, department: 'navy', work: 'grace' },
    { local: 'linus', given: 'linus', family: 'torvalds', title: 'engineer', department: null, work: null },
  ];
  const ids: Record<string, string> = {};
  for (const p of people) {
    const body: Record<string, unknown> = {
      schemas: [USER_SCHEMA, ENTERPRISE_USER],
      userName: ws.email(p.local),
      displayName: `${p.given} ${p.family}`,
      name: { givenName: p.given, familyName: p.family },
      emails: [{ value: ws.email(p.local), type: 'home', primary: true }, ...(p.work ? [{ value: `${p.work}@work.test`, type: 'work' }] : [])],
      active: p.local !== 'linus',
      ...(p.title ? { title: p.title } : {}),
      ...(p.department ? { [ENTERPRISE_USER]: { department: p.department } } : {}),
    };
    const created = await ws.scim('POST', '/Users', body);
    expectOk(created, 201);
    ids[p.local] = created.body.id;
  }
  return ids;
}

async function userNamesFor(ws: ScimWorkspace, filter: string): Promise<string[]> {
  const answer = await ws.scim('GET', `/Users?${q(filter)}`);
  expectOk(answer);
  return answer.body.Resources.map((u: { userName: string }) => u.userName.split('@')[0]).sort();
}

describe('SCIM discovery', () => {
  it('serves /Schemas and /Schemas/{urn} (RFC 7643 §7), advertised by the resource types, and etag support', async () => {
    const ws = await scimWorkspace();
    const list = await ws.scim('GET', '/Schemas');
    expectOk(list);
    expect(list.body.Resources.map((s: { id: string }) => s.id)).toEqual([USER_SCHEMA, ENTERPRISE_USER, GROUP_SCHEMA]);
    const user = await ws.scim('GET', `/Schemas/${USER_SCHEMA}`);
    expectOk(user);
    expect(user.body).toMatchObject({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'], id: USER_SCHEMA, name: 'User', meta: { resourceType: 'Schema' } });
    const userName = user.body.attributes.find((a: { name: string }) => a.name === 'userName');
    expect(userName).toMatchObject({ type: 'string', multiValued: false, required: true, caseExact: false, mutability: 'readWrite', returned: 'default', uniqueness: 'server' });
    const name = user.body.attributes.find((a: { name: string }) => a.name === 'name');
    expect(name.subAttributes.map((a: { name: string }) => a.name)).toContain('familyName');
    expect((await ws.scim('GET', `/Schemas/${GROUP_SCHEMA.toUpperCase()}`)).body.id).toBe(GROUP_SCHEMA);
    expectScimError(await ws.scim('GET', '/Schemas/urn:nope'), 404);
    const types = await ws.scim('GET', '/ResourceTypes/User');
    expect(types.body).toMatchObject({ schema: USER_SCHEMA, schemaExtensions: [{ schema: ENTERPRISE_USER, required: false }] });
    for (const resourceType of (await ws.scim('GET', '/ResourceTypes')).body.Resources) {
      expectOk(await ws.scim('GET', `/Schemas/${resourceType.schema}`));
    }
    expect((await ws.scim('GET', '/ServiceProviderConfig')).body.etag).toEqual({ supported: true });
  });
});

describe('SCIM filters', () => {
  it('answers the whole RFC 7644 grammar on Users in SQL, as the reference evaluator does', async () => {
    const ws = await scimWorkspace();
    await seedUsers(ws);
    const everyone = (await ws.scim('GET', '/Users')).body.Resources as Record<string, unknown>[];
    const filters = [
      `userName eq "${ws.email('ada')}"`,
      `userName ne "${ws.email('ada')}"`,
      'userName sw "a"',
      `userName ew "${ws.domain}"`,
      'name.familyName co "o"',
      'name.givenName sw "al" or name.familyName eq "hopper"',
      'title pr',
      'not (title pr)',
      'title eq "engineer" and active eq true',
      'displayName co "ur"',
      'emails.value co "@work.test"',
      'emails[type eq "work" and value sw "ada"]',
      'userName gt "b" and userName lt "h"',
      'userName ge "grace" and userName le "z"',
      `${ENTERPRISE_USER}:department eq "math"`,
      '(title eq "engineer" or title eq "scientist") and not (name.givenName eq "ada")',
      'active eq false',
    ];
    for (const filter of filters) {
      const expected = everyone
        .filter(filterFunction(parse(filter)))
        .map((u) => String(u.userName).split('@')[0])
        .sort();
      expect(await userNamesFor(ws, filter), filter).toEqual(expected);
    }
    // What the reference evaluator does not do: case-insensitive names, operators and values
    // (caseExact false), and a value path with a sub-attribute meaning the same item.
    expect(await userNamesFor(ws, 'NAME.FAMILYNAME EQ "LOVELACE"')).toEqual(['ada']);
    expect(await userNamesFor(ws, 'Emails[Type Eq "work"].Value Co "alan"')).toEqual(['alan']);
    expect(await userNamesFor(ws, 'emails[type eq "home"].value co "work.test"')).toEqual([]);
    expect(await userNamesFor(ws, 'meta.created gt "2000-01-01T00:00:00Z" and meta.lastModified le "2999-01-01T00:00:00Z"')).toEqual(['ada', 'alan', 'grace', 'linus']);
    expect(await userNamesFor(ws, 'title eq null')).toEqual(['grace']);
    expect(await userNamesFor(ws, 'urn:ietf:params:scim:schemas:core:2.0:User:name.familyName ew "er"')).toEqual(['grace']);
    expect(await userNamesFor(ws, 'userName co "%"')).toEqual([]);
  });

  it('filters Groups too, and refuses unsupported attributes and malformed filters with 400 invalidFilter', async () => {
    const ws = await scimWorkspace();
    const ids = await seedUsers(ws);
    const eng = (await ws.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Engineering', externalId: 'e1', members: [{ value: ids.ada }, { value: ids.linus }] })).body.id;
    const ops = (await ws.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Operations', members: [{ value: ids.grace }] })).body.id;
    const groups = async (filter: string) => ((await ws.scim('GET', `/Groups?${q(filter)}`)).body.Resources as { id: string }[]).map((g) => g.id).sort();
    expect(await groups('displayName sw "eng"')).toEqual([eng]);
    expect(await groups(`members[value eq "${ids.grace}"] or externalId eq "e1"`)).toEqual([eng, ops].sort());
    expect(await groups(`not (members.value eq "${ids.ada}")`)).toEqual([ops]);
    expect(await groups(`id eq "${eng}" and members[value eq "${ids.ada}"]`)).toEqual([eng]);
    expect(await groups('externalId pr')).toEqual([eng]);
    expect(await groups('displayName gt "f"')).toEqual([ops]);

    for (const [path, filter] of [
      ['/Users', 'nickName2 eq "a"'],
      ['/Users', 'password eq "x"'],
      ['/Users', 'active co "t"'],
      ['/Users', 'userName eq 42'],
      ['/Users', 'userName eq ada'],
      ['/Users', 'meta.created gt "yesterday"'],
      ['/Users', 'name eq "x"'],
      ['/Users', '(userName eq "a"'],
      ['/Groups', 'members.display eq "a"'],
      ['/Groups', 'userName eq "a"'],
    ]) {
      expectScimError(await ws.scim('GET', `${path}?${q(filter)}`), 400, 'invalidFilter');
    }
  });
});

describe('SCIM attributes, names and schemas', () => {
  it('projects sub-attributes with attributes= and excludedAttributes=, keeping id, schemas and meta', async () => {
    const ws = await scimWorkspace();
    const ids = await seedUsers(ws);
    const only = await ws.scim('GET', `/Users/${ids.ada}?attributes=name.givenName`);
    expectOk(only);
    expect(Object.keys(only.body).sort()).toEqual(['id', 'meta', 'name', 'schemas']);
    expect(only.body.name).toEqual({ givenName: 'ada' });
    const list = await ws.scim('GET', `/Users?${q(`userName eq "${ws.email('ada')}"`)}&attributes=emails.value,${ENTERPRISE_USER}:department`);
    expect(list.body.Resources[0].emails).toEqual([{ value: ws.email('ada') }, { value: 'ada@work.test' }]);
    expect(list.body.Resources[0][ENTERPRISE_USER]).toEqual({ department: 'math' });
    expect(list.body.Resources[0].userName).toBeUndefined();
    const without = await ws.scim('GET', `/Users/${ids.ada}?excludedAttributes=name.familyName,emails,id`);
    expect(without.body.name).toEqual({ givenName: 'ada' });
    expect(without.body.emails).toBeUndefined();
    expect(without.body.id).toBe(ids.ada);
  });

  it('reads attribute names and PATCH ops in any case and answers with canonical names; unknown attributes are not kept', async () => {
    const ws = await scimWorkspace();
    const created = await ws.scim('POST', '/Users', {
      Schemas: [USER_SCHEMA],
      USERNAME: ws.email('ada'),
      Name: { GivenName: 'Ada', FAMILYNAME: 'Lovelace' },
      Emails: [{ Value: ws.email('ada'), Type: 'work', Primary: true }],
      favouriteColour: 'red',
      Groups: [{ value: 'forged' }],
    });
    expectOk(created, 201);
    expect(created.body).toMatchObject({ userName: ws.email('ada'), name: { givenName: 'Ada', familyName: 'Lovelace' }, emails: [{ value: ws.email('ada'), type: 'work', primary: true }] });
    for (const key of ['USERNAME', 'Name', 'Emails', 'favouriteColour', 'Groups', 'Schemas']) expect(created.body).not.toHaveProperty(key);
    const stored = await db.scimUser.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(JSON.stringify(stored.resource)).not.toContain('favouriteColour');

    const patched = await ws.scim('PATCH', `/Users/${created.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { Op: 'Replace', Path: 'Name.GivenName', Value: 'Augusta' },
        { op: 'Add', path: 'PhoneNumbers', value: [{ Value: '+1 555', Type: 'work' }] },
        { op: 'add', path: 'shoeSize', value: 44 },
      ],
    });
    expectOk(patched);
    expect(patched.body.name).toEqual({ givenName: 'Augusta', familyName: 'Lovelace' });
    expect(patched.body.phoneNumbers).toEqual([{ value: '+1 555', type: 'work' }]);
    expect(patched.body).not.toHaveProperty('shoeSize');
    expect(patched.body).not.toHaveProperty('PhoneNumbers');

    // A row stored before names were made canonical is answered in the schema's names too.
    await db.scimUser.update({ where: { id: created.body.id }, data: { resource: { Title: 'Countess', Emails: [{ Value: ws.email('ada'), Primary: 'True' }], favouriteColour: 'red', NAME: 'not an object' } } });
    const legacy = await ws.scim('GET', `/Users/${created.body.id}`);
    expectOk(legacy);
    expect(legacy.body).toMatchObject({ title: 'Countess', emails: [{ value: ws.email('ada'), primary: true }] });
    for (const key of ['Title', 'Emails', 'favouriteColour', 'NAME', 'name']) expect(legacy.body).not.toHaveProperty(key);
  });

  it("refuses a resource posted with another resource type's schema", async () => {
    const ws = await scimWorkspace();
    expectScimError(await ws.scim('POST', '/Users', { schemas: [GROUP_SCHEMA], userName: ws.email('ada') }), 400, 'invalidValue');
    expectScimError(await ws.scim('POST', '/Users', { schemas: 'x', userName: ws.email('ada') }), 400, 'invalidValue');
    expectScimError(await ws.scim('POST', '/Groups', { schemas: [USER_SCHEMA], displayName: 'G' }), 400, 'invalidValue');
    expectScimError(await ws.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA, ENTERPRISE_USER], displayName: 'G' }), 400, 'invalidValue');
    expect(await db.scimUser.count({ where: { directoryId: ws.directoryId } })).toBe(0);
    expect(await db.scimGroup.count({ where: { directoryId: ws.directoryId } })).toBe(0);
  });
});

describe('SCIM ETags (RFC 7644 §3.14)', () => {
  it('sends ETag = meta.version, answers 304 to a current If-None-Match and 412 to a stale If-Match', async () => {
    const ws = await scimWorkspace();
    const created = await ws.scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: ws.email('ada') });
    expectOk(created, 201);
    const v1 = created.headers.get('etag');
    expect(v1).toBe(created.body.meta.version);
    const id = created.body.id as string;

    const read = await ws.scim('GET', `/Users/${id}`);
    expect(read.headers.get('etag')).toBe(v1);
    const cached = await ws.scim('GET', `/Users/${id}`, undefined, { headers: { 'if-none-match': v1! } });
    expect(cached.status).toBe(304);
    expect(cached.text).toBe('');

    const put = await ws.scim('PUT', `/Users/${id}`, { schemas: [USER_SCHEMA], userName: ws.email('ada'), title: 'Countess' }, { headers: { 'if-match': v1! } });
    expectOk(put);
    const v2 = put.headers.get('etag');
    expect(v2).toBe(put.body.meta.version);
    expect(v2).not.toBe(v1);
    expectOk(await ws.scim('GET', `/Users/${id}`, undefined, { headers: { 'if-none-match': v1! } }));

    const stale = await ws.scim('PATCH', `/Users/${id}`, { Operations: [{ op: 'replace', path: 'title', value: 'Lost update' }] }, { headers: { 'if-match': v1! } });
    expectScimError(stale, 412);
    expectScimError(await ws.scim('DELETE', `/Users/${id}`, undefined, { headers: { 'if-match': v1! } }), 412);
    expect((await ws.scim('GET', `/Users/${id}`)).body.title).toBe('Countess');

    const patched = await ws.scim('PATCH', `/Users/${id}`, { Operations: [{ op: 'replace', path: 'title', value: 'Analyst' }] }, { headers: { 'if-match': v2! } });
    expectOk(patched);
    expect(patched.headers.get('etag')).toBe(patched.body.meta.version);

    const group = await ws.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'G' });
    expect(group.headers.get('etag')).toBe(group.body.meta.version);
    expectScimError(await ws.scim('PUT', `/Groups/${group.body.id}`, { schemas: [GROUP_SCHEMA], displayName: 'H' }, { headers: { 'if-match': 'W/"old"' } }), 412);
    expectOk(await ws.scim('PUT', `/Groups/${group.body.id}`, { schemas: [GROUP_SCHEMA], displayName: 'H' }, { headers: { 'if-match': '*' } }));
  });
});

describe('SCIM POST /.search', () => {
  it('searches Users, Groups and the root with a SearchRequest body', async () => {
    const ws = await scimWorkspace();
    await seedUsers(ws);
    const search = await ws.scim('POST', '/Users/.search', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
      filter: 'name.familyName sw "t"',
      attributes: ['userName', 'name.familyName'],
      startIndex: 1,
      count: 1,
    });
    expectOk(search);
    expect(search.body).toMatchObject({ totalResults: 2, itemsPerPage: 1 });
    expect(Object.keys(search.body.Resources[0]).sort()).toEqual(['id', 'meta', 'name', 'schemas', 'userName']);
    expectOk(await ws.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Kernel' }), 201);
    const groups = await ws.scim('POST', '/Groups/.search', { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: 'displayName eq "kernel"' });
    expect(groups.body.totalResults).toBe(1);
    // At the root: users and groups, as one list; a filter on one type's attribute finds that type.
    const rootSearch = (body: Record<string, unknown>) => ws.scim('POST', '/.search', { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], ...body });
    const both = await rootSearch({ filter: 'displayName sw "k" or displayName sw "ada"', attributes: ['displayName'] });
    expectOk(both);
    expect(both.body.Resources.map((r: { displayName: string }) => r.displayName)).toEqual(['ada lovelace', 'Kernel']);
    expect((await rootSearch({ filter: 'userName sw "a"' })).body.totalResults).toBe(2);
    const page = await rootSearch({ filter: 'displayName pr', startIndex: 4, count: 2 });
    expect(page.body).toMatchObject({ totalResults: 5, startIndex: 4, itemsPerPage: 2 });
    expect(page.body.Resources.map((r: { meta: { resourceType: string } }) => r.meta.resourceType)).toEqual(['User', 'Group']);
    expectScimError(await rootSearch({ filter: 'shoeSize eq "44"' }), 400, 'invalidFilter');
    expectScimError(await ws.scim('GET', '/.search'), 405);
    expectScimError(await ws.scim('POST', '/Users/.search', { filter: 'userName zz "a"' }), 400, 'invalidFilter');
    expectScimError(await ws.scim('POST', '/Users/.search', { schemas: ['urn:nope'] }), 400, 'invalidValue');
    expect(await db.scimUser.count({ where: { directoryId: ws.directoryId, userName: '.search' } })).toBe(0);
  });
});
