import { describe, expect, it } from 'vitest';
import * as brandImageRoute from '../../app/api/app/settings/branding/[kind]/route.ts';
import { MAX_CUSTOM_CSS_LENGTH } from '../../lib/branding/sanitize-css.ts';
import { db } from '../../lib/db/client.ts';
import { resolveTenant } from '../../lib/tenancy/tenant-cache.ts';
import { deleteWorkspace, getBrandAsset, removeBrandImage, updateBranding, updateGeneralSettings, uploadBrandImage } from '../../lib/tenancy/tenant-settings.ts';
import { callRoute, type RouteHandlerFn } from '../support/app-client.ts';
import { contextOf, createMember, createTenant, memberOf } from '../support/factories.ts';
import { sessionCookie } from '../support/session-cookie.ts';

/** A PNG's signature and IHDR (what the size check reads), at the given size. */
function png(width: number, height: number): Buffer {
  const size = Buffer.alloc(8);
  size.writeUInt32BE(width, 0);
  size.writeUInt32BE(height, 4);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), size, Buffer.from('0806000000', 'hex'), Buffer.alloc(4)]);
}

const PNG = png(128, 64);

async function workspace() {
  const tenant = await createTenant();
  const owner = await createMember(tenant.id, 'owner');
  const admin = await createMember(tenant.id, 'admin');
  const member = await createMember(tenant.id, 'member');
  return { tenant: await contextOf(tenant.id), owner: await memberOf(tenant.id, owner.id), admin: await memberOf(tenant.id, admin.id), member: await memberOf(tenant.id, member.id) };
}

const status = (promise: Promise<unknown>) => promise.then(() => 200, (error) => error.status as number);

const BRANDING = {
  primaryColor: '#0ea5e9',
  secondaryColor: '#0c4a6e',
  accentColor: '#f43f5e',
  customCss: '',
  terminology: { goal: 'objective', goals: 'objectives', habit: '', habits: '', team: '', teams: '' },
  emailFromName: 'Coach Team',
  supportEmail: 'help@example.test',
  termsUrl: 'https://example.test/terms',
  privacyUrl: '',
  hidePoweredBy: true,
};

describe('tenant settings', () => {
  it('updates name, time zone and default role; the cached tenant follows at once', async () => {
    const w = await workspace();
    await resolveTenant({ kind: 'subdomain', slug: w.tenant.slug }); // warm the cache
    await updateGeneralSettings(w.tenant, w.admin, { name: 'Renamed Co', timeZone: 'Europe/Berlin', defaultRole: 'viewer' });
    const cached = await resolveTenant({ kind: 'subdomain', slug: w.tenant.slug });
    expect(cached).toMatchObject({ name: 'Renamed Co', timeZone: 'Europe/Berlin', defaultRole: 'viewer' });
    expect(await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'settings.general_updated' } })).toBe(1);
  });

  it('stores the workspace locale (en-US until chosen) and keeps it when a save leaves it out', async () => {
    const w = await workspace();
    expect(w.tenant.locale).toBe('en-US');
    await updateGeneralSettings(w.tenant, w.admin, { name: 'Locale Co', timeZone: 'Europe/Berlin', defaultRole: 'member', locale: 'de-DE' });
    expect(await resolveTenant({ kind: 'subdomain', slug: w.tenant.slug })).toMatchObject({ locale: 'de-DE' });
    await updateGeneralSettings(w.tenant, w.admin, { name: 'Locale Co', timeZone: 'UTC', defaultRole: 'member' });
    expect(await resolveTenant({ kind: 'subdomain', slug: w.tenant.slug })).toMatchObject({ locale: 'de-DE', timeZone: 'UTC' });
    const error = await updateGeneralSettings(w.tenant, w.admin, { name: 'Locale Co', timeZone: 'UTC', defaultRole: 'member', locale: 'xx-YY' }).catch((e) => e);
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields)).toEqual(['locale']);
  });

  it('refuses bad general settings with field errors', async () => {
    const w = await workspace();
    const error = await updateGeneralSettings(w.tenant, w.admin, { name: 'x', timeZone: 'Mars/Olympus', defaultRole: 'owner' }).catch((e) => e);
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields).sort()).toEqual(['defaultRole', 'name', 'timeZone']);
  });

  it('saves branding and terminology, sanitizing custom CSS before storing it', async () => {
    const w = await workspace();
    const saved = await updateBranding(w.tenant, w.admin, { ...BRANDING, customCss: '@import "https://evil.test/x.css"; h1{color:red}</style><script>alert(1)</script>' });
    const stored = await db.branding.findUniqueOrThrow({ where: { tenantId: w.tenant.id } });
    expect(stored.customCss).toBe('h1 {\n  color: red;\n}'); // without "<" no markup can exist
    expect(saved).toMatchObject({ customCss: stored.customCss, customCssRemoved: ['@import', '</style><script>alert(1)</script>'] });
    expect(stored.terminology).toEqual({ goal: 'objective', goals: 'objectives' });
    const cached = await resolveTenant({ kind: 'subdomain', slug: w.tenant.slug });
    expect(cached?.branding).toMatchObject({ primaryColor: '#0ea5e9', hidePoweredBy: true, emailFromName: 'Coach Team', terminology: { goal: 'objective', goals: 'objectives', habit: 'habit' } });
  });

  it('stores and serves custom CSS that can reach only the workspace’s own uploads, however it is escaped', async () => {
    const w = await workspace();
    const logo = await uploadBrandImage(w.tenant, w.admin, 'logo', PNG);
    // Seven backslashes: two passes of the old one-layer decoding left url(/\/127.0.0.1:9999/x.png).
    const escaped = String.raw`body{background:url(/\\\\\\\/127.0.0.1:9999/x.png)} header{background-image:url(${logo})}`;
    const saved = await updateBranding(w.tenant, w.admin, { ...BRANDING, customCss: escaped });
    expect(saved.customCssRemoved).toEqual([String.raw`background:url(/\\\\\\/127.0.0.1:9999/x.png)`]);
    const served = await resolveTenant({ kind: 'subdomain', slug: w.tenant.slug });
    expect(served?.branding.customCss).toBe(`header {\n  background-image: url(${logo});\n}`);
    expect((await db.branding.findUniqueOrThrow({ where: { tenantId: w.tenant.id } })).customCss).toBe(served?.branding.customCss);
  });

  it('refuses custom CSS longer than the limit with a field error instead of cutting it', async () => {
    const w = await workspace();
    const tooLong = await updateBranding(w.tenant, w.admin, { ...BRANDING, customCss: `h1{color:red}${' '.repeat(MAX_CUSTOM_CSS_LENGTH)}` }).catch((e) => e);
    expect(tooLong).toMatchObject({ status: 422, fields: { customCss: 'Use at most 20000 characters.' } });
    // Within the limit as typed, but longer once written out one declaration a line.
    const dense = Array.from({ length: 1500 }, (_, i) => `.c${i}{color:red}`).join('').slice(0, MAX_CUSTOM_CSS_LENGTH);
    const grown = await updateBranding(w.tenant, w.admin, { ...BRANDING, customCss: dense }).catch((e) => e);
    expect(grown).toMatchObject({ status: 422, fields: { customCss: expect.stringContaining('longer than 20,000 characters') } });
    expect((await db.branding.findUniqueOrThrow({ where: { tenantId: w.tenant.id } })).customCss).toBeNull();
  });

  it('refuses invalid branding with field errors and changes nothing', async () => {
    const w = await workspace();
    const error = await updateBranding(w.tenant, w.admin, { ...BRANDING, primaryColor: 'red', supportEmail: 'nope', termsUrl: 'javascript:alert(1)', terminology: { ...BRANDING.terminology, goal: '<b>' } }).catch((e) => e);
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields).sort()).toEqual(['primaryColor', 'supportEmail', 'terminology.goal', 'termsUrl']);
    expect((await db.branding.findUniqueOrThrow({ where: { tenantId: w.tenant.id } })).primaryColor).toBe('#4f46e5');
  });

  it('lets only admins change settings', async () => {
    const w = await workspace();
    expect(await status(updateBranding(w.tenant, w.member, BRANDING))).toBe(403);
    expect(await status(updateGeneralSettings(w.tenant, w.member, { name: 'Nope', timeZone: 'UTC', defaultRole: 'member' }))).toBe(403);
    expect(await status(uploadBrandImage(w.tenant, w.member, 'logo', PNG))).toBe(403);
  });

  it('stores an uploaded logo, serves it only to its own tenant, and replaces the previous one', async () => {
    const w = await workspace();
    const other = await workspace();
    const first = await uploadBrandImage(w.tenant, w.admin, 'logo', PNG);
    const second = await uploadBrandImage(w.tenant, w.admin, 'logo', Buffer.concat([PNG, Buffer.from([1])]));
    const id = second.split('/').pop()!;
    expect((await getBrandAsset(w.tenant.id, id))?.contentType).toBe('image/png');
    expect(await getBrandAsset(other.tenant.id, id)).toBeNull();
    expect(await getBrandAsset(w.tenant.id, first.split('/').pop()!)).toBeNull();
    expect((await resolveTenant({ kind: 'subdomain', slug: w.tenant.slug }))?.branding.logoUrl).toBe(second);
    await removeBrandImage(w.tenant, w.admin, 'logo');
    expect((await resolveTenant({ kind: 'subdomain', slug: w.tenant.slug }))?.branding.logoUrl).toBeNull();
    expect(await status(uploadBrandImage(w.tenant, w.admin, 'logo', Buffer.from('<html></html>')))).toBe(415);
  });

  it('refuses through the upload route an image too small for its use, by its real bytes (422 image_too_small)', async () => {
    const w = await workspace();
    const cookie = await sessionCookie(w.admin.userId, w.tenant.id);
    const host = `${w.tenant.slug}.localhost:3100`;
    const upload = (kind: 'logo' | 'favicon', body: Buffer, contentType = 'image/png') =>
      callRoute(brandImageRoute.POST as RouteHandlerFn, { tenantId: w.tenant.id, host, cookie, method: 'POST', path: `/api/app/settings/branding/${kind}`, params: { kind }, body, contentType });

    const tiny = await upload('logo', png(1, 1));
    expect(tiny.status, tiny.text).toBe(422);
    expect(tiny.headers.get('content-type')).toContain('application/problem+json');
    expect(tiny.body).toMatchObject({ code: 'image_too_small', detail: 'The logo is 1×1 px: it must be at least 64 px on its shorter side to look sharp.' });
    // The declared type does not matter: the bytes are measured.
    expect((await upload('logo', png(500, 40), 'application/octet-stream')).body).toMatchObject({ code: 'image_too_small' });
    expect((await upload('logo', Buffer.from('89504e470d0a1a0a0000000d', 'hex'))).body).toMatchObject({ code: 'image_unreadable' });
    expect((await db.branding.findUnique({ where: { tenantId: w.tenant.id } }))?.logoUrl ?? null).toBeNull();
    expect(await db.asset.count({ where: { tenantId: w.tenant.id } })).toBe(0);

    // A favicon may be small, down to 16 px; a logo of 64 px on its short side is enough.
    expect((await upload('favicon', png(15, 15))).status).toBe(422);
    const favicon = await upload('favicon', png(16, 16));
    expect(favicon.status, favicon.text).toBe(201);
    const logo = await upload('logo', png(256, 64));
    expect(logo.status, logo.text).toBe(201);
    expect((await resolveTenant({ kind: 'subdomain', slug: w.tenant.slug }))?.branding.logoUrl).toBe(logo.body.url);
  });

  it('deletes the workspace only for an owner who types its address', async () => {
    const w = await workspace();
    expect(await status(deleteWorkspace(w.tenant, w.admin, { confirmSlug: w.tenant.slug }))).toBe(403);
    expect(await status(deleteWorkspace(w.tenant, w.owner, { confirmSlug: 'wrong' }))).toBe(422);
    // It closes now; the data is erased after the grace period (tests/integration/tenant-lifecycle.test.ts).
    const { erasedAfter } = await deleteWorkspace(w.tenant, w.owner, { confirmSlug: w.tenant.slug });
    expect(new Date(erasedAfter).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(await db.tenant.findUniqueOrThrow({ where: { id: w.tenant.id } })).toMatchObject({ status: 'scheduled_for_deletion' });
    expect((await resolveTenant({ kind: 'subdomain', slug: w.tenant.slug }))?.status).toBe('scheduled_for_deletion');
    expect(await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'tenant.deletion_scheduled', actorId: w.owner.userId } })).toBe(1);
  });
});
