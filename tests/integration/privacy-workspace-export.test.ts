import { createHash, randomBytes } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as downloadRoute from '../../app/api/app/settings/exports/[exportId]/route.ts';
import * as exportsRoute from '../../app/api/app/settings/exports/route.ts';
import { encryptSecret } from '../../lib/crypto/encrypt-secret.ts';
import { db, Prisma } from '../../lib/db/client.ts';
import { buildWorkspaceArchive, runExport } from '../../lib/privacy/export.ts';
import { WORKSPACE_NOT_EXPORTED, WORKSPACE_SECTIONS } from '../../lib/privacy/workspace-export-sections.ts';
import { requestWorkspaceExport } from '../../lib/privacy/workspace-export.ts';
import { createTeam } from '../../lib/teams/teams.ts';
import { callRoute } from '../support/app-client.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// An owner's export of the whole workspace: every table that belongs to a workspace is in it or
// named with a reason; a row of each section is found, as JSON and CSV; no secret (a webhook
// signing secret, an API key, tokens, password hashes, in clear or as stored) is in the ZIP;
// other workspaces' rows are not; only owners of the workspace ask for and download it.

const tag = () => randomBytes(6).toString('hex');

/**
 * The app's tables (its Prisma models: other tests make scratch tables of their own) with a
 * workspace in them: a foreign key to Tenant or a tenantId column.
 */
async function workspaceTables(): Promise<string[]> {
  const models = new Set<string>(Object.values(Prisma.ModelName));
  const rows = await db.$queryRaw<{ table: string }[]>`
    SELECT DISTINCT conrelid::regclass::text AS table FROM pg_constraint WHERE contype = 'f' AND confrelid = '"Tenant"'::regclass
    UNION
    SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'tenantId'`;
  return [...new Set(rows.map((row) => row.table.replaceAll('"', '')))].filter((table) => models.has(table)).sort();
}

describe('workspace data export', () => {
  it('covers every table that belongs to a workspace, or says why not', async () => {
    const sections = WORKSPACE_SECTIONS.flatMap((section) => section.tables);
    const covered = new Set([...sections, ...Object.keys(WORKSPACE_NOT_EXPORTED)]);
    const missing = (await workspaceTables()).filter((table) => !covered.has(table));
    expect(missing, 'tables of a workspace that its export forgets').toEqual([]);
    // A table is exported or explained, never both; section names are unique file names.
    expect(sections.filter((table) => table in WORKSPACE_NOT_EXPORTED)).toEqual([]);
    expect(new Set(WORKSPACE_SECTIONS.map((section) => section.name)).size).toBe(WORKSPACE_SECTIONS.length);
  });

  it('holds the workspace, as JSON and CSV, without secrets or other workspaces’ rows, a page at a time', async () => {
    const tenant = await workspace();
    const other = await workspace();
    const owner = await memberIn(tenant, 'owner');
    const me = await memberIn(tenant);
    const t = tenant.id;
    const team = await createTeam(tenant, owner, { name: `Crew ${tag()}` });
    await db.teamMember.create({ data: { tenantId: t, teamId: team.id, userId: me.userId } });
    const goal = await db.goal.create({ data: { tenantId: t, ownerId: me.userId, teamId: team.id, title: `Goal ${tag()}` } });
    const habit = await db.habit.create({ data: { tenantId: t, userId: me.userId, name: `Habit ${tag()}` } });
    // Secrets, in clear as their owners saw them once and as stored.
    const webhookSecret = `whsec_${tag()}${tag()}`;
    const apiKeySecret = `wp_live_${tag()}${tag()}`;
    const accessToken = `ya29.${tag()}${tag()}`;
    const storedWebhookSecret = encryptSecret(webhookSecret);
    const storedAccessToken = encryptSecret(accessToken);
    const apiKeyHash = createHash('sha256').update(apiKeySecret).digest('hex');
    const endpoint = await db.webhookEndpoint.create({ data: { id: `whk_${tag()}`, tenantId: t, url: 'https://hooks.example.test/in', eventTypes: ['goal.created'], secretEncrypted: storedWebhookSecret, createdById: owner.userId } });
    const apiKey = await db.apiKey.create({ data: { id: `key_${tag()}`, tenantId: t, name: 'CI', scopes: ['read:goals'], prefix: `wp_live_${tag().slice(0, 4)}`, last4: apiKeySecret.slice(-4), hash: apiKeyHash, createdById: owner.userId } });
    const installation = await db.integrationInstallation.create({ data: { id: `ii_${tag()}`, tenantId: t, provider: 'google-calendar' } });
    const connection = await db.integrationConnection.create({
      data: { id: `ic_${tag()}`, tenantId: t, installationId: installation.id, userId: me.userId, provider: 'google-calendar', externalAccountId: 'me@gmail.test', scopes: [], status: 'needs_attention', accessTokenEncrypted: storedAccessToken, refreshTokenEncrypted: encryptSecret(`1//${tag()}`) },
    });
    const directoryTokenHash = `scimhash-${tag()}`;
    await db.scimDirectory.create({ data: { tenantId: t, name: 'Okta', provider: 'okta', tokenHash: directoryTokenHash, tokenHint: 'abcd' } });
    const invitationTokenHash = `invhash-${tag()}`;
    await db.invitation.create({ data: { tenantId: t, email: `new-${tag()}@example.test`, role: 'member', tokenHash: invitationTokenHash, invitedById: owner.userId, expiresAt: new Date(Date.now() + 86_400_000) } });
    const made: Record<string, string> = {
      goals: goal.id,
      habits: habit.id,
      teams: team.id,
      goal_progress: (await db.goalProgressEntry.create({ data: { tenantId: t, goalId: goal.id, userId: me.userId, delta: 10 } })).id,
      habit_logs: (await db.habitLog.create({ data: { tenantId: t, habitId: habit.id, userId: me.userId, date: new Date('2026-12-01T00:00:00Z') } })).id,
      comments: (await db.comment.create({ data: { tenantId: t, goalId: goal.id, authorId: me.userId, body: 'Nice' } })).id,
      audit_log: (await db.auditLog.create({ data: { tenantId: t, actorId: owner.userId, action: 'member.role_changed', targetType: 'user', targetId: me.userId } })).id,
      activity: (await db.domainEvent.create({ data: { id: `evt_${tag()}`, tenantId: t, type: 'goal.created', payload: { goalId: goal.id } } })).id,
      webhook_endpoints: endpoint.id,
      api_keys: apiKey.id,
      integrations: installation.id,
      integration_connections: connection.id,
      invoices: (await db.stripeInvoice.create({ data: { id: `in_${tag()}`, tenantId: t, status: 'paid', eventAt: new Date() } })).id,
    };
    const theirs = await db.goal.create({ data: { tenantId: other.id, ownerId: (await memberIn(other)).userId, title: 'Not this workspace' } });

    const files = unzipSync(await buildWorkspaceArchive(t));
    const json = (name: string) => JSON.parse(strFromU8(files[`${name}.json`])) as Record<string, unknown>[];
    for (const section of WORKSPACE_SECTIONS) {
      expect(files[`${section.name}.json`], section.name).toBeDefined();
      expect(files[`${section.name}.csv`], section.name).toBeDefined();
    }
    for (const [section, rowId] of Object.entries(made)) {
      expect(json(section).map((row) => row.id), section).toContain(rowId);
      expect(strFromU8(files[`${section}.csv`]), section).toContain(rowId);
    }
    expect(json('workspace')[0]).toMatchObject({ id: t, slug: tenant.slug });
    const mine = json('members').find((row) => row.userId === me.userId);
    expect(mine).toMatchObject({ role: 'member', user: { email: me.email }, teams: [expect.objectContaining({ id: team.id, role: 'member' })] });
    expect(json('goals').map((row) => row.id)).not.toContain(theirs.id);
    expect(json('api_keys')[0]).toMatchObject({ name: 'CI', last4: apiKeySecret.slice(-4) });
    expect(strFromU8(files['README.txt'])).toContain('goals: 1 record(s)');

    const everything = Object.values(files).map((bytes) => strFromU8(bytes)).join('\n');
    const stored = await db.user.findUniqueOrThrow({ where: { id: me.userId }, select: { passwordHash: true } });
    for (const secret of [webhookSecret, storedWebhookSecret, apiKeySecret, apiKeyHash, accessToken, storedAccessToken, directoryTokenHash, invitationTokenHash, stored.passwordHash!]) {
      expect(everything.includes(secret), `a secret in the export: ${secret.slice(0, 12)}…`).toBe(false);
    }
    for (const field of ['passwordHash', 'secretEncrypted', 'accessTokenEncrypted', 'refreshTokenEncrypted', 'tokenHash', '"hash"']) expect(everything).not.toContain(field);
  });

  it('reads every row of a section across pages', async () => {
    const tenant = await workspace();
    const me = await memberIn(tenant);
    const habit = await db.habit.create({ data: { tenantId: tenant.id, userId: me.userId, name: 'Daily' } });
    const days = 1203;
    await db.habitLog.createMany({ data: Array.from({ length: days }, (_, i) => ({ tenantId: tenant.id, habitId: habit.id, userId: me.userId, date: new Date(Date.UTC(2020, 0, 1 + i)) })) });
    const files = unzipSync(await buildWorkspaceArchive(tenant.id));
    const logs = JSON.parse(strFromU8(files['habit_logs.json'])) as { id: string }[];
    expect(logs).toHaveLength(days);
    expect(new Set(logs.map((row) => row.id)).size).toBe(days);
    // A header and a line per row.
    expect(strFromU8(files['habit_logs.csv']).trimEnd().split('\r\n')).toHaveLength(days + 1);
  });

  it('is asked for by an owner, built by the job, emailed, audited, and downloaded by owners only', async () => {
    const tenant = await workspace();
    const other = await workspace();
    const owner = await memberIn(tenant, 'owner');
    const coOwner = await memberIn(tenant, 'owner');
    const admin = await memberIn(tenant, 'admin');
    const member = await memberIn(tenant);
    const stranger = await memberIn(other, 'owner');
    const host = `${tenant.slug}.localhost:3100`;
    const cookie = await sessionCookie(owner.userId, tenant.id);
    const ask = (who: string) => callRoute(exportsRoute.POST, { method: 'POST', host, tenantId: tenant.id, path: '/api/app/settings/exports', cookie: who });
    expect((await ask(await sessionCookie(admin.userId, tenant.id))).status).toBe(403);
    expect((await ask(await sessionCookie(member.userId, tenant.id))).status).toBe(403);
    const asked = await ask(cookie);
    expect(asked.status).toBe(202);
    expect(asked.body.status).toBe('pending');
    const exportId = asked.body.id as string;
    expect(await runExport(exportId)).toBe('ready');
    expect(await runExport(exportId)).toBe('gone');
    expect(await db.emailMessage.count({ where: { to: owner.email, kind: 'workspace_export_ready' } })).toBe(1);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: 'workspace.data_exported', actorId: owner.userId, targetId: exportId } })).toBe(1);
    const listed = await callRoute(exportsRoute.GET, { host, tenantId: tenant.id, path: '/api/app/settings/exports', cookie: await sessionCookie(coOwner.userId, tenant.id) });
    expect(listed.body.exports).toEqual([expect.objectContaining({ id: exportId, status: 'ready', downloadUrl: `/api/app/settings/exports/${exportId}` })]);

    const download = (who: string, onTenant = tenant) =>
      callRoute(downloadRoute.GET, { host: `${onTenant.slug}.localhost:3100`, tenantId: onTenant.id, path: `/api/app/settings/exports/${exportId}`, params: { exportId }, cookie: who });
    const got = await download(await sessionCookie(coOwner.userId, tenant.id));
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/zip');
    expect(got.headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename="${tenant.slug}-workspace-\\d{4}-\\d{2}-\\d{2}\\.zip"`));
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: 'workspace.data_export_downloaded', actorId: coOwner.userId } })).toBe(1);
    expect((await download(await sessionCookie(admin.userId, tenant.id))).status).toBe(403);
    expect((await download(await sessionCookie(member.userId, tenant.id))).status).toBe(403);
    // Another workspace's owner, on their own workspace: no such export there.
    expect((await download(await sessionCookie(stranger.userId, other.id), other)).status).toBe(404);
    // A member's own export is not a workspace export, and the other way round.
    const own = await db.dataExport.create({ data: { tenantId: tenant.id, userId: owner.userId, requestedById: owner.userId, status: 'ready', data: new Uint8Array([1]), expiresAt: new Date(Date.now() + 86_400_000) } });
    const ownCall = await callRoute(downloadRoute.GET, { host, tenantId: tenant.id, path: `/api/app/settings/exports/${own.id}`, params: { exportId: own.id }, cookie });
    expect(ownCall.status).toBe(404);
    await db.dataExport.update({ where: { id: exportId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await download(cookie)).status).toBe(404);
  });

  it('is refused to support acting as an owner, and limited to 3 a day', async () => {
    const tenant = await workspace();
    const owner = await memberIn(tenant, 'owner');
    const acting = { ...owner, impersonation: { id: 'imp', operatorId: 'op', operatorEmail: 'op@staff.test', readOnly: false, expiresAt: new Date(Date.now() + 60_000) } };
    expect((await failure(requestWorkspaceExport(tenant, acting))).code).toBe('impersonation_forbidden');
    for (let i = 0; i < 3; i++) await requestWorkspaceExport(tenant, owner);
    expect((await failure(requestWorkspaceExport(tenant, owner))).status).toBe(429);
  });
});
