import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as bulkRoute from '../../app/api/platform/tenants/bulk/route.ts';
import { db } from '../../lib/db/client.ts';
import type { PlatformRole } from '../../lib/db/generated/enums.ts';
import type { BulkResult } from '../../lib/platform/bulk-actions.ts';
import { callRoute } from '../support/app-client.ts';
import { createMember, createTenant, uniqueSlug, createStaff } from '../support/factories.ts';
import { sessionCookie } from '../support/session-cookie.ts';

// The operator's bulk actions on the workspace list, through the route: who may take which
// action, each workspace audited on its own, and what cannot be done reported per workspace
// (skipped, not found) without stopping the others or answering 500.

async function staff(role: PlatformRole) {
  const user = await createStaff(role);
  return { user, cookie: await sessionCookie(user.id, null) };
}

function bulk(cookie: string, json: unknown) {
  return callRoute(bulkRoute.POST, { method: 'POST', host: 'localhost:3100', path: '/api/platform/tenants/bulk', cookie, json });
}

/** A workspace that was erased: only its tombstone is left. */
async function erasedId() {
  const id = `erased${randomBytes(6).toString('hex')}`;
  await db.deletedTenant.create({ data: { id, slug: uniqueSlug('gone') } });
  return id;
}

const outcomes = (body: Record<string, unknown>) => Object.fromEntries((body as unknown as BulkResult).results.map((result) => [result.tenantId, result.outcome]));

describe('bulk actions on workspaces', () => {
  it('is refused to read-only and support staff whatever the action; billing staff change plans but do not suspend or write to owners', async () => {
    const tenant = await createTenant({ status: 'active', plan: 'basic' });
    const attempts = [
      { action: 'change_plan', tenantIds: [tenant.id], plan: 'pro' },
      { action: 'suspend', tenantIds: [tenant.id], reason: 'Unpaid invoices' },
      { action: 'notice', tenantIds: [tenant.id], subject: 'Maintenance', body: 'We upgrade the database on Sunday.' },
    ];
    for (const role of ['read_only', 'support'] as const) {
      const { cookie } = await staff(role);
      for (const json of attempts) expect((await bulk(cookie, json)).status, `${role} ${json.action}`).toBe(403);
    }
    const billing = await staff('billing');
    expect((await bulk(billing.cookie, attempts[1])).status).toBe(403);
    expect((await bulk(billing.cookie, attempts[2])).status).toBe(403);
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({ status: 'active', plan: 'basic' });
    expect(await db.platformAuditLog.count({ where: { targetId: tenant.id } })).toBe(0);

    const answer = await bulk(billing.cookie, attempts[0]);
    expect(answer.status).toBe(200);
    expect(outcomes(answer.body)).toEqual({ [tenant.id]: 'done' });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).plan).toBe('pro');
  });

  it('changes plans one workspace at a time, each in both audit logs; one already on the plan, an erased one and an unknown id are reported', async () => {
    const billing = await staff('billing');
    const [basic, trial, pro] = await Promise.all([createTenant({ plan: 'basic' }), createTenant({ status: 'trial', plan: 'free' }), createTenant({ plan: 'pro' })]);
    const gone = await erasedId();
    const answer = await bulk(billing.cookie, { action: 'change_plan', tenantIds: [basic.id, trial.id, pro.id, gone, 'no-such-workspace', basic.id], plan: 'pro' });
    expect(answer.status).toBe(200);
    const body = answer.body as unknown as BulkResult;
    expect(outcomes(answer.body)).toEqual({ [basic.id]: 'done', [trial.id]: 'done', [pro.id]: 'skipped', [gone]: 'skipped', 'no-such-workspace': 'not_found' });
    // A repeated id is acted on once.
    expect(body.results).toHaveLength(5);
    expect(body.counts).toEqual({ done: 2, skipped: 2, not_found: 1, failed: 0 });
    expect(body.results.find((r) => r.tenantId === pro.id)?.detail).toBe('Already on pro.');
    expect(body.results.find((r) => r.tenantId === gone)?.detail).toBe('The workspace was erased.');

    // As the single plan route does: the plan, the workspace's log, and a trial ended by the choice.
    expect(await db.tenant.findUniqueOrThrow({ where: { id: trial.id } })).toMatchObject({ plan: 'pro', status: 'active' });
    for (const [tenant, from] of [
      [basic, 'basic'],
      [trial, 'free'],
    ] as const) {
      const platform = await db.platformAuditLog.findMany({ where: { targetType: 'tenant', targetId: tenant.id } });
      expect(platform).toHaveLength(1);
      expect(platform[0]).toMatchObject({ action: 'tenant.plan_changed', actorEmail: billing.user.email, metadata: { from, to: 'pro', bulk: true } });
      const own = await db.auditLog.findMany({ where: { tenantId: tenant.id, action: 'billing.plan_changed' } });
      expect(own.map((row) => [row.actorEmail, row.metadata])).toEqual([[billing.user.email, expect.objectContaining({ from, to: 'pro', source: 'operator' })]]);
    }
    expect(await db.platformAuditLog.count({ where: { targetId: pro.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { tenantId: pro.id } })).toBe(0);

    // An unknown plan is the request's fault: nothing changes.
    const unknown = await bulk(billing.cookie, { action: 'change_plan', tenantIds: [basic.id], plan: 'platinum' });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'validation_failed']);
  });

  it('suspends with the reason (both audit logs, owners emailed); suspended, canceled and erased workspaces are skipped with why', async () => {
    const owner = await staff('owner');
    const [active, pastDue, suspended, canceled] = await Promise.all([createTenant({ status: 'active' }), createTenant({ status: 'past_due' }), createTenant({ status: 'suspended' }), createTenant({ status: 'canceled' })]);
    const activeOwner = await createMember(active.id, 'owner');
    const gone = await erasedId();
    const answer = await bulk(owner.cookie, { action: 'suspend', tenantIds: [suspended.id, active.id, gone, canceled.id, pastDue.id], reason: 'Abuse report 4411' });
    expect(answer.status).toBe(200);
    const body = answer.body as unknown as BulkResult;
    // In the order asked, the skipped ones not stopping those after them.
    expect(body.results.map((r) => [r.tenantId, r.outcome])).toEqual([
      [suspended.id, 'skipped'],
      [active.id, 'done'],
      [gone, 'skipped'],
      [canceled.id, 'skipped'],
      [pastDue.id, 'done'],
    ]);
    expect(body.results[0].detail).toBe('A suspended workspace cannot be suspended.');
    expect(body.results[3].detail).toBe('A canceled workspace cannot be suspended.');

    for (const [tenant, from] of [
      [active, 'active'],
      [pastDue, 'past_due'],
    ] as const) {
      expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe('suspended');
      const platform = await db.platformAuditLog.findMany({ where: { targetType: 'tenant', targetId: tenant.id } });
      expect(platform.map((row) => [row.action, row.reason, row.actorEmail])).toEqual([['tenant.suspended', 'Abuse report 4411', owner.user.email]]);
      expect(platform[0].metadata).toMatchObject({ from, to: 'suspended' });
      expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: 'tenant.suspended' } })).toBe(1);
    }
    for (const tenant of [suspended, canceled]) expect(await db.platformAuditLog.count({ where: { targetId: tenant.id } })).toBe(0);
    const mail = await db.emailMessage.findMany({ where: { to: activeOwner.email } });
    expect(mail.map((m) => m.kind)).toEqual(['tenant_suspend']);
    expect(mail[0].text).toContain('Abuse report 4411');
  });

  it("emails a notice to each workspace's owners (not other members), audited per workspace; one without an owner is skipped", async () => {
    const owner = await staff('owner');
    const [first, second, ownerless] = await Promise.all([createTenant(), createTenant(), createTenant()]);
    const owners = [await createMember(first.id, 'owner'), await createMember(first.id, 'owner'), await createMember(second.id, 'owner')];
    const member = await createMember(first.id, 'member');
    await createMember(ownerless.id, 'admin');
    const subject = `Planned maintenance ${randomBytes(3).toString('hex')}`;
    const answer = await bulk(owner.cookie, { action: 'notice', tenantIds: [first.id, second.id, ownerless.id], subject, body: 'The service pauses on Sunday from 02:00 to 03:00 UTC.\n\nNothing is lost.' });
    expect(answer.status).toBe(200);
    expect(outcomes(answer.body)).toEqual({ [first.id]: 'done', [second.id]: 'done', [ownerless.id]: 'skipped' });
    expect((answer.body as unknown as BulkResult).results.map((r) => r.detail)).toEqual(['Emailed 2 owners.', 'Emailed 1 owner.', 'The workspace has no owner to write to.']);

    const mail = await db.emailMessage.findMany({ where: { subject } });
    expect(mail.map((m) => [m.to, m.tenantId, m.kind]).sort()).toEqual(
      [
        [owners[0].email, first.id, 'platform_notice'],
        [owners[1].email, first.id, 'platform_notice'],
        [owners[2].email, second.id, 'platform_notice'],
      ].sort(),
    );
    expect(mail.some((m) => m.to === member.email)).toBe(false);
    expect(mail[0].text).toContain('Nothing is lost.');
    for (const [tenant, count] of [
      [first, 2],
      [second, 1],
    ] as const) {
      const platform = await db.platformAuditLog.findMany({ where: { targetType: 'tenant', targetId: tenant.id } });
      expect(platform.map((row) => [row.action, row.actorEmail, row.metadata])).toEqual([['tenant.notice_sent', owner.user.email, { subject, owners: count, queued: count }]]);
    }
    expect(await db.platformAuditLog.count({ where: { targetId: ownerless.id } })).toBe(0);
  });

  it('answers 400 for more than 100 workspaces and 422 for a malformed request, never 500, changing nothing', async () => {
    const owner = await staff('owner');
    const tenant = await createTenant({ status: 'active' });
    const many = [tenant.id, ...Array.from({ length: 100 }, (_, i) => `t${i}`)];
    const tooMany = await bulk(owner.cookie, { action: 'suspend', tenantIds: many, reason: 'Abuse report 1' });
    expect([tooMany.status, tooMany.body.code]).toEqual([400, 'bad_request']);
    for (const json of [
      { action: 'suspend', tenantIds: [], reason: 'Abuse report 1' },
      { action: 'suspend', tenantIds: [tenant.id], reason: 'no' },
      { action: 'suspend', tenantIds: tenant.id, reason: 'Abuse report 1' },
      { action: 'erase', tenantIds: [tenant.id] },
      { action: 'notice', tenantIds: [tenant.id], subject: 'Hi' },
      { action: 'change_plan', tenantIds: [tenant.id], plan: 'pro', extra: true },
      [tenant.id],
    ]) {
      const answer = await bulk(owner.cookie, json);
      expect([answer.status, answer.body.code], JSON.stringify(json)).toEqual([422, 'validation_failed']);
    }
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe('active');
    expect(await db.platformAuditLog.count({ where: { targetId: tenant.id } })).toBe(0);
  });
});
