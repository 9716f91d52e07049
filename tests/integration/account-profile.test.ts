import { beforeAll, describe, expect, it } from 'vitest';
import * as avatarRoute from '../../app/api/app/account/avatar/route.ts';
import * as profileRoute from '../../app/api/app/account/profile/route.ts';
import * as avatarsRoute from '../../app/api/avatars/[assetId]/route.ts';
import { getProfile, updateProfile, uploadAvatar } from '../../lib/account/profile.ts';
import { memberForSession } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { callRoute } from '../support/app-client.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { png } from '../support/png.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// The profile (/account): name, time zone, locale, and a picture that is checked by its bytes
// and real dimensions and served only to members of the workspace it was uploaded to.

let acme: TenantContext;
let globex: TenantContext;
const hostOf = (tenant: TenantContext) => `${tenant.slug}.localhost:3100`;

beforeAll(async () => {
  acme = await workspace();
  globex = await workspace();
});

async function upload(tenant: TenantContext, userId: string, body: Uint8Array, contentType = 'image/png') {
  return callRoute(avatarRoute.POST, { method: 'POST', path: '/api/app/account/avatar', tenantId: tenant.id, host: hostOf(tenant), cookie: await sessionCookie(userId, tenant.id), body, contentType });
}

async function fetchAvatar(tenant: TenantContext, url: string, cookie: string | null) {
  const assetId = url.split('/').pop()!;
  return callRoute(avatarsRoute.GET, { path: url, params: { assetId }, tenantId: tenant.id, host: hostOf(tenant), cookie });
}

describe('profile', () => {
  it('saves the name, time zone and locale, and the session member carries them', async () => {
    const member = await memberIn(acme);
    const cookie = await sessionCookie(member.userId, acme.id);
    const answer = await callRoute(profileRoute.PATCH, { method: 'PATCH', path: '/api/app/account/profile', tenantId: acme.id, host: hostOf(acme), cookie, json: { name: '  Ada Lovelace ', timeZone: 'Europe/London', locale: 'en-GB' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ name: 'Ada Lovelace', timeZone: 'Europe/London', locale: 'en-GB', avatarUrl: null });

    const session = await db.userSession.findFirstOrThrow({ where: { userId: member.userId }, orderBy: { createdAt: 'desc' } });
    const signedIn = await memberForSession(acme, { userId: member.userId, tenantId: acme.id, sessionId: session.id, signedInAt: Date.now() });
    expect(signedIn).toMatchObject({ name: 'Ada Lovelace', timeZone: 'Europe/London', locale: 'en-GB', avatarUrl: null });
  });

  it("falls back to the workspace's time zone when the member has none", async () => {
    const member = await memberIn(acme);
    await updateProfile(acme, member, { name: 'Grace', timeZone: '', locale: '' });
    expect(await getProfile(acme, member)).toMatchObject({ timeZone: null, locale: null });
    const signedIn = await memberForSession(acme, { userId: member.userId, tenantId: acme.id, sessionId: 'x', signedInAt: Date.now() });
    expect(signedIn).toMatchObject({ timeZone: acme.timeZone, locale: null });
  });

  it('refuses an unknown time zone or locale and an empty name with field errors (422)', async () => {
    const member = await memberIn(acme);
    const error = await failure(updateProfile(acme, member, { name: ' ', timeZone: 'Mars/Olympus', locale: 'xx-YY' }));
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(['name', 'timeZone', 'locale']));
  });
});

describe('avatar', () => {
  it('stores a cropped square, points the member at it, and replaces the previous one', async () => {
    const member = await memberIn(acme);
    const first = await upload(acme, member.userId, png(256, 256));
    expect(first.status).toBe(201);
    const url = first.body.url as string;
    expect(url).toMatch(/^\/api\/avatars\/[A-Za-z0-9_-]+$/);
    expect((await getProfile(acme, member)).avatarUrl).toBe(url);

    const second = await upload(acme, member.userId, png(128, 128, [0, 0, 0, 255]));
    expect(second.status).toBe(201);
    // The old picture is gone, not merely unreferenced.
    expect(await db.asset.count({ where: { id: url.split('/').pop() } })).toBe(0);
  });

  it('refuses a file that is not a PNG, JPEG or WebP by its bytes (415), whatever it claims to be', async () => {
    const member = await memberIn(acme);
    expect((await upload(acme, member.userId, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png')).status).toBe(415);
    expect((await upload(acme, member.userId, Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'image/png')).status).toBe(415);
    // A media type a cross-site form could send is refused before the bytes are read.
    expect((await upload(acme, member.userId, png(64, 64), 'text/plain')).status).toBe(415);
  });

  it('refuses a file over 1 MB (413)', async () => {
    const member = await memberIn(acme);
    const big = Buffer.concat([png(64, 64), Buffer.alloc(1024 * 1024 + 1)]);
    const answer = await upload(acme, member.userId, big);
    expect(answer.status).toBe(413);
  });

  it('refuses a 1×1 image, a non-square one, and a truncated one, by their real dimensions (400)', async () => {
    const member = await memberIn(acme);
    const tiny = await upload(acme, member.userId, png(1, 1));
    expect(tiny.status).toBe(400);
    expect(tiny.body.detail).toContain('at least 32×32');
    const wide = await upload(acme, member.userId, png(200, 100));
    expect(wide.status).toBe(400);
    expect(wide.body.detail).toContain('square');
    // A PNG signature and nothing else: the type sniffs as PNG, the dimensions cannot be read.
    const broken = await upload(acme, member.userId, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    expect(broken.status).toBe(400);
    expect(await db.membership.findUniqueOrThrow({ where: { id: member.membershipId } })).toMatchObject({ avatarAssetId: null });
  });

  it('is served to members of its workspace only: not signed in 401, another workspace 404', async () => {
    const member = await memberIn(acme);
    const url = await uploadAvatar(acme, member, png(64, 64));
    const colleague = await memberIn(acme, 'viewer');
    const served = await fetchAvatar(acme, url, await sessionCookie(colleague.userId, acme.id));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toContain('private');

    expect((await fetchAvatar(acme, url, null)).status).toBe(401);
    // Someone signed in on globex asks globex's host for acme's picture: no such picture there.
    const outsider = await memberIn(globex);
    expect((await fetchAvatar(globex, url, await sessionCookie(outsider.userId, globex.id))).status).toBe(404);
  });

  it("is not reachable through the public brand-image route", async () => {
    const member = await memberIn(acme);
    const url = await uploadAvatar(acme, member, png(64, 64));
    const { GET } = await import('../../app/api/assets/[assetId]/route.ts');
    const assetId = url.split('/').pop()!;
    const answer = await callRoute(GET, { path: `/api/assets/${assetId}`, params: { assetId }, tenantId: acme.id, host: hostOf(acme) });
    expect(answer.status).toBe(404);
  });
});
