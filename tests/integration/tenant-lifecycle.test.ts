import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import * as statusRoute from '../../app/api/platform/tenants/[tenantId]/status/route.ts';
import { db } from '../../lib/db/client.ts';
import type { PlatformRole } from '../../lib/db/generated/enums.ts';
import { creditCommissionsForInvoice } from '../../lib/earnings/credit-invoice.ts';
import { eraseScheduledTenants, eraseTenant } from '../../lib/platform/tenant-erasure.ts';
import { changeTenantStatus } from '../../lib/platform/tenant-lifecycle.ts';
import { assertSlugFree } from '../../lib/signup/sign-up.ts';
import { proxy } from '../../proxy.ts';
import { callRoute } from '../support/app-client.ts';
import { createMember, createStaff, createTenant } from '../support/factories.ts';
import { clientOf, createReseller, invoiceId, operator } from '../support/resellers.ts';
import { sessionCookie } from '../support/session-cookie.ts';

// A workspace's lifecycle from the operator's console (each step with a reason, in both audit
// logs, emailed to the owners), what its hosts answer, and its erasure after the grace period:
// everything goes but money, which stays with the workspace's reference anonymised.

const DAY = 86_400_000;
const status = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: { status?: number }) => error.status ?? 500,
  );

async function route(slug: string, path: string) {
  const host = `${slug}.localhost:3100`;
  const response = await proxy(new NextRequest(`http://${host}${path}`, { headers: { host } }));
  const rewrite = response.headers.get('x-middleware-rewrite');
  return { status: response.status, rewrite: rewrite ? new URL(rewrite).pathname : null, body: path.startsWith('/api/') ? await response.json().catch(() => null) : null };
}

describe('tenant lifecycle', () => {
  it('walks suspend → reactivate → cancel → schedule deletion → restore, each audited twice and emailed to the owners', async () => {
    const op = await operator();
    const tenant = await createTenant({ status: 'active' });
    const owner = await createMember(tenant.id, 'owner');
    const step = (action: string, reason = `Ticket 77: ${action}`) => changeTenantStatus(op, tenant.id, { action, reason }, '198.51.100.4');

    expect(await step('suspend')).toMatchObject({ previous: 'active', status: 'suspended' });
    expect((await route(tenant.slug, '/goals')).rewrite).toBe('/workspace-suspended');
    expect(await step('reactivate')).toMatchObject({ status: 'active' });
    expect((await route(tenant.slug, '/goals')).rewrite).toBe(`/t/${tenant.slug}/goals`);
    expect(await step('cancel')).toMatchObject({ status: 'canceled' });
    const scheduled = await step('schedule_deletion');
    expect(scheduled.status).toBe('scheduled_for_deletion');
    expect(new Date(scheduled.deletionScheduledAt!).getTime() - Date.now()).toBeGreaterThan(30 * DAY - 60_000);
    // A workspace waiting for erasure answers as closed, pages and API alike.
    expect((await route(tenant.slug, '/')).rewrite).toBe('/workspace-suspended');
    const api = await route(tenant.slug, '/api/app/goals');
    expect([api.status, api.body?.code]).toEqual([403, 'workspace_suspended']);
    // Restoring returns it to where it was.
    expect(await step('restore')).toMatchObject({ status: 'canceled', deletionScheduledAt: null });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({ status: 'canceled', deletionScheduledAt: null, statusBeforeDeletion: null });

    const actions = ['tenant.suspended', 'tenant.reactivated', 'tenant.canceled', 'tenant.deletion_scheduled', 'tenant.restored'];
    const platform = await db.platformAuditLog.findMany({ where: { targetType: 'tenant', targetId: tenant.id }, orderBy: { createdAt: 'asc' } });
    expect(platform.map((row) => row.action)).toEqual(actions);
    expect(platform[0]).toMatchObject({ actorEmail: op.email, reason: 'Ticket 77: suspend', ip: '198.51.100.4', metadata: expect.objectContaining({ from: 'active', to: 'suspended' }) });
    const own = await db.auditLog.findMany({ where: { tenantId: tenant.id, action: { startsWith: 'tenant.' } }, orderBy: { createdAt: 'asc' } });
    expect(own.map((row) => row.action)).toEqual(actions);
    const mail = await db.emailMessage.findMany({ where: { to: owner.email, kind: { startsWith: 'tenant_' } }, orderBy: { createdAt: 'asc' } });
    expect(mail.map((m) => m.kind)).toEqual(['tenant_suspend', 'tenant_reactivate', 'tenant_cancel', 'tenant_schedule_deletion', 'tenant_restore']);
    expect(mail[0].text).toContain('Ticket 77: suspend');
  });

  it('refuses a step that does not apply, a missing reason, an unknown workspace, and the second of two steps at once', async () => {
    const op = await operator();
    const tenant = await createTenant({ status: 'active' });
    expect(await status(changeTenantStatus(op, tenant.id, { action: 'restore', reason: 'Undo please' }))).toBe(409);
    expect(await status(changeTenantStatus(op, tenant.id, { action: 'suspend', reason: '' }))).toBe(422);
    expect(await status(changeTenantStatus(op, tenant.id, { action: 'explode', reason: 'Because so' }))).toBe(422);
    expect(await status(changeTenantStatus(op, 'no-such-tenant', { action: 'suspend', reason: 'Because so' }))).toBe(404);
    const both = await Promise.all([status(changeTenantStatus(op, tenant.id, { action: 'suspend', reason: 'First one' })), status(changeTenantStatus(op, tenant.id, { action: 'suspend', reason: 'Second one' }))]);
    expect(both.sort()).toEqual([200, 409]);
    expect(await db.platformAuditLog.count({ where: { targetId: tenant.id, action: 'tenant.suspended' } })).toBe(1);
  });

  it('route: owners of the platform manage the lifecycle; support, billing and read-only staff cannot', async () => {
    const tenant = await createTenant({ status: 'active' });
    const call = async (role: PlatformRole) => {
      const user = await createStaff(role);
      return callRoute(statusRoute.POST, { method: 'POST', host: 'localhost:3100', path: `/api/platform/tenants/${tenant.id}/status`, params: { tenantId: tenant.id }, cookie: await sessionCookie(user.id, null), json: { action: 'suspend', reason: 'Abuse report 12' } });
    };
    for (const role of ['support', 'billing', 'read_only'] as const) expect((await call(role)).status, role).toBe(403);
    expect((await call('owner')).body).toMatchObject({ status: 'suspended' });
  });
});

describe('erasure after the grace period', () => {
  async function scheduledClientWithMoney() {
    const op = await operator();
    const reseller = await createReseller();
    const client = await clientOf(reseller, { plan: 'pro' });
    const owner = await createMember(client.id, 'owner');
    const onlyHere = await createMember(client.id, 'member');
    const elsewhere = await createMember(client.id, 'member');
    await db.membership.create({ data: { tenantId: (await createTenant()).id, userId: elsewhere.id, role: 'member' } });
    await db.goal.create({ data: { tenantId: client.id, ownerId: onlyHere.id, title: 'Run 100 km' } });
    const invoice = invoiceId();
    await creditCommissionsForInvoice({ tenantId: client.id, invoiceId: invoice, amountCents: 10_000, currency: 'EUR', paidAt: new Date(Date.now() - 40 * DAY) });
    await db.commission.updateMany({ where: { invoiceId: invoice }, data: { status: 'paid', paidAt: new Date() } });
    await db.stripeInvoice.create({ data: { id: invoice, tenantId: client.id, status: 'paid', eventAt: new Date() } });
    await changeTenantStatus(op, client.id, { action: 'schedule_deletion', reason: 'Contract ended' });
    return { client, owner, onlyHere, elsewhere, invoice };
  }

  it('erases everything but money, whose workspace reference is anonymised; the address answers "deleted" and stays taken', async () => {
    const { client, owner, onlyHere, elsewhere, invoice } = await scheduledClientWithMoney();
    const paid = await db.commission.findMany({ where: { invoiceId: invoice } });
    expect(paid.length).toBeGreaterThan(0);

    // Not before the grace period is over.
    expect((await eraseTenant(client.id, new Date(Date.now() + 29 * DAY))).erased).toBe(false);
    expect(await db.tenant.count({ where: { id: client.id } })).toBe(1);

    const result = await eraseTenant(client.id, new Date(Date.now() + 31 * DAY));
    expect(result).toMatchObject({ erased: true, keptCommissions: paid.length, keptInvoices: 1, erasedUsers: 2 });
    expect(await db.tenant.count({ where: { id: client.id } })).toBe(0);
    expect(await db.goal.count({ where: { tenantId: client.id } })).toBe(0);
    expect(await db.membership.count({ where: { tenantId: client.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { tenantId: client.id } })).toBe(0);
    // People who were only here are gone; someone also in another workspace stays.
    expect(await db.user.count({ where: { id: { in: [owner.id, onlyHere.id] } } })).toBe(0);
    expect(await db.user.count({ where: { id: elsewhere.id } })).toBe(1);

    const kept = await db.commission.findMany({ where: { invoiceId: invoice }, orderBy: { id: 'asc' } });
    expect(kept.map((row) => [row.id, row.amountCents, row.status])).toEqual(paid.sort((a, b) => a.id.localeCompare(b.id)).map((row) => [row.id, row.amountCents, 'paid']));
    expect(kept.every((row) => row.tenantId === null && row.currency === 'eur')).toBe(true);
    expect(await db.stripeInvoice.findUniqueOrThrow({ where: { id: invoice } })).toMatchObject({ tenantId: null, status: 'paid' });

    expect(await db.platformAuditLog.count({ where: { targetId: client.id, action: 'tenant.erased' } })).toBe(1);
    const page = await route(client.slug, '/');
    expect(page.rewrite).toBe('/workspace-deleted');
    const api = await route(client.slug, '/api/app/goals');
    expect([api.status, api.body?.code]).toEqual([410, 'workspace_deleted']);
    expect(await status(assertSlugFree(client.slug))).toBe(409);
    // Once is enough: a second run finds nothing.
    expect((await eraseTenant(client.id, new Date(Date.now() + 32 * DAY))).erased).toBe(false);
  });

  it('a cascade never deletes money: deleting a workspace with commissions directly fails', async () => {
    const reseller = await createReseller();
    const client = await clientOf(reseller);
    await creditCommissionsForInvoice({ tenantId: client.id, invoiceId: invoiceId(), amountCents: 5_000, paidAt: new Date() });
    await expect(db.tenant.delete({ where: { id: client.id } })).rejects.toThrow();
    expect(await db.commission.count({ where: { tenantId: client.id } })).toBeGreaterThan(0);
    await expect(db.reseller.delete({ where: { id: reseller.id } })).rejects.toThrow();
  });

  it('the daily job erases only the workspaces whose grace period is over, and not a restored one', async () => {
    const op = await operator();
    const due = await createTenant({ status: 'active' });
    const restored = await createTenant({ status: 'active' });
    const later = await createTenant({ status: 'active' });
    for (const row of [due, restored]) await changeTenantStatus(op, row.id, { action: 'schedule_deletion', reason: 'Asked by the owner' }, null, new Date(Date.now() - 31 * DAY));
    await changeTenantStatus(op, later.id, { action: 'schedule_deletion', reason: 'Asked by the owner' });
    await changeTenantStatus(op, restored.id, { action: 'restore', reason: 'Changed their mind' });
    await eraseScheduledTenants(new Date());
    expect(await db.tenant.count({ where: { id: due.id } })).toBe(0);
    expect(await db.tenant.findUniqueOrThrow({ where: { id: restored.id } })).toMatchObject({ status: 'active' });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: later.id } })).toMatchObject({ status: 'scheduled_for_deletion' });
  });
});
