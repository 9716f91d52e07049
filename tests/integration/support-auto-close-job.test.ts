import { InngestTestEngine } from '@inngest/test';
import { describe, expect, it } from 'vitest';
import { functions, inngestFunctionId } from '../../inngest/functions.ts';
import { db } from '../../lib/db/client.ts';
import { JOBS } from '../../lib/jobs/jobs.ts';
import { partnerViewer } from '../../lib/support/ticket-access.ts';
import { changeStatus, openWorkspaceTicket } from '../../lib/support/tickets.ts';
import { contextOf, createMember, createTenant, memberOf } from '../support/factories.ts';
import { createApp, createPartner, install } from '../support/marketplace-fixtures.ts';

// The auto-close job as Inngest runs it (in-process, on the real database): a ticket resolved
// more than 14 days ago closes, one resolved 13 days ago stays resolved.

const DAY_MS = 86_400_000;

describe('support.close_resolved', () => {
  it('runs hourly and closes only tickets past their reopen window', async () => {
    expect(JOBS['support.close_resolved'].cron).toBe('35 * * * *');
    const partner = await createPartner();
    const app = await createApp(partner);
    const tenant = await contextOf((await createTenant()).id);
    const admin = await memberOf(tenant.id, (await createMember(tenant.id, 'admin')).id);
    const installationId = await install(app, tenant.id, admin.userId);
    const now = Date.now();
    const open = async (resolvedDaysAgo: number) => {
      const ticket = await openWorkspaceTicket(tenant, admin, installationId, { subject: `Resolved ${resolvedDaysAgo} days ago`, description: 'x', priority: 'normal' }, [], new Date(now - 20 * DAY_MS));
      await changeStatus(partnerViewer(partner.actor), ticket.id, 'resolved', new Date(now - resolvedDaysAgo * DAY_MS));
      return ticket.id;
    };
    const old = await open(15);
    const recent = await open(13);
    const supportCloseResolvedFunction = functions.find((fn) => fn.id() === inngestFunctionId('support.close_resolved'))!;
    const { result } = await new InngestTestEngine({ function: supportCloseResolvedFunction }).execute({ events: [{ name: 'support.close_resolved', data: {} }] });
    // How many it closed (other tests' tickets may be among them).
    expect(result).toBeGreaterThanOrEqual(1);
    const rows = await db.supportTicket.findMany({ where: { id: { in: [old, recent] } }, select: { id: true, status: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [old]: 'closed', [recent]: 'resolved' });
  });
});
