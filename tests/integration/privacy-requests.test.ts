import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as completeRoute from '../../app/api/platform/privacy-requests/[requestId]/complete/route.ts';
import * as requestsRoute from '../../app/api/platform/privacy-requests/route.ts';
import { db } from '../../lib/db/client.ts';
import type { PlatformRole } from '../../lib/db/generated/enums.ts';
import { completeRequest, listRequests, recordRequest } from '../../lib/privacy/requests.ts';
import { callRoute } from '../support/app-client.ts';
import { operator } from '../support/resellers.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { createStaff } from '../support/factories.ts';

// The register of data subject requests: due 30 days after arrival, overdue flagged, completed
// once with what was done, audited; operators who manage the platform record and complete.

const DAY = 86_400_000;
const address = () => `dsr-${randomBytes(4).toString('hex')}@example.test`;

describe('data subject requests', () => {
  it('are due in 30 days, flagged when overdue, and completed once', async () => {
    const op = await operator();
    const now = new Date();
    const late = await recordRequest(op, { kind: 'erasure', subjectEmail: address(), receivedAt: new Date(now.getTime() - 31 * DAY).toISOString(), details: 'By letter' });
    const fresh = await recordRequest(op, { kind: 'access', subjectEmail: address().toUpperCase() });
    expect(late.dueAt.getTime() - late.receivedAt.getTime()).toBe(30 * DAY);
    expect(late.overdue).toBe(true);
    expect(fresh).toMatchObject({ overdue: false, subjectEmail: fresh.subjectEmail.toLowerCase() });

    const listed = await listRequests();
    const mine = listed.open.filter((row) => [late.id, fresh.id].includes(row.id));
    // The most urgent first.
    expect(mine.map((row) => row.id)).toEqual([late.id, fresh.id]);
    expect(listed.overdue).toBeGreaterThanOrEqual(1);

    const done = await completeRequest(op, late.id, { outcome: 'Account erased on request' });
    expect(done).toMatchObject({ overdue: false, outcome: 'Account erased on request' });
    await expect(completeRequest(op, late.id, { outcome: 'Again' })).rejects.toMatchObject({ status: 409 });
    await expect(completeRequest(op, 'no-such-request', { outcome: 'Nothing' })).rejects.toMatchObject({ status: 404 });
    const audit = await db.platformAuditLog.findMany({ where: { targetId: late.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((row) => row.action)).toEqual(['privacy_request.recorded', 'privacy_request.completed']);
  });

  it('refuses bad input: an unknown kind, a bad address, a date in the future, an unknown workspace', async () => {
    const op = await operator();
    for (const input of [
      { kind: 'delete-everything', subjectEmail: address() },
      { kind: 'access', subjectEmail: 'not-an-address' },
      { kind: 'access', subjectEmail: address(), receivedAt: new Date(Date.now() + 2 * DAY).toISOString() },
    ]) {
      await expect(recordRequest(op, input)).rejects.toMatchObject({ status: 422 });
    }
    await expect(recordRequest(op, { kind: 'access', subjectEmail: address(), tenantId: 'no-such-tenant' })).rejects.toMatchObject({ status: 404 });
  });

  it('routes: read-only staff see the register; only those who manage the platform record and complete', async () => {
    const staff = async (role: PlatformRole) => sessionCookie((await createStaff(role)).id, null);
    const host = 'localhost:3100';
    const readOnly = await staff('read_only');
    expect((await callRoute(requestsRoute.GET, { host, path: '/api/platform/privacy-requests', cookie: readOnly })).status).toBe(200);
    const body = { kind: 'rectification', subjectEmail: address(), details: 'Name is misspelt' };
    expect((await callRoute(requestsRoute.POST, { method: 'POST', host, path: '/api/platform/privacy-requests', cookie: readOnly, json: body })).status).toBe(403);
    const owner = await staff('owner');
    const created = await callRoute(requestsRoute.POST, { method: 'POST', host, path: '/api/platform/privacy-requests', cookie: owner, json: body });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const complete = (cookie: string) => callRoute(completeRoute.POST, { method: 'POST', host, path: `/api/platform/privacy-requests/${id}/complete`, params: { requestId: id }, cookie, json: { outcome: 'Name corrected' } });
    expect((await complete(readOnly)).status).toBe(403);
    expect((await complete(owner)).status).toBe(200);
  });
});
