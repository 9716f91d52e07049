import { beforeAll, describe, expect, it } from 'vitest';
import * as meRoute from '../../app/api/v1/users/me/route.ts';
import { flushRequestLog } from '../../lib/api/request-log.ts';
import { admitApiRequest, clearQuotaCache } from '../../lib/billing/api-quota.ts';
import { setPlanByOperator } from '../../lib/billing/set-plan.ts';
import { API_REQUESTS, addMonths, billingPeriod, incrementUsage, usageAt } from '../../lib/billing/usage.ts';
import { db } from '../../lib/db/client.ts';
import type { Member } from '../../lib/auth/session.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { apiWorkspace, callV1, expectProblem } from '../support/api-v1-client.ts';
import { callApi, registerApp, tokensFor } from '../support/oauth-client.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

const operator = { userId: 'operator-test', email: 'operator@waypoint.test' };

describe('billing periods', () => {
  const subscription = (start: string, end: string, status = 'active') => ({
    stripeSubscriptionId: 'sub_1',
    subscriptionStatus: status,
    currentPeriodStart: new Date(start),
    currentPeriodEnd: new Date(end),
  });

  it('are the calendar month (UTC) without a live subscription', () => {
    expect(billingPeriod(null, new Date('2031-05-20T15:00:00Z'))).toEqual({ start: new Date('2031-05-01T00:00:00Z'), end: new Date('2031-06-01T00:00:00Z') });
    expect(billingPeriod(subscription('2031-05-10T08:00:00Z', '2031-06-10T08:00:00Z', 'canceled'), new Date('2031-05-20T00:00:00Z')).start).toEqual(new Date('2031-05-01T00:00:00Z'));
    expect(billingPeriod(null, new Date('2031-12-31T23:59:59Z')).end).toEqual(new Date('2032-01-01T00:00:00Z'));
  });

  it("are the subscription's current period, and the next one before Stripe's renewal arrives", () => {
    const account = subscription('2031-05-10T08:00:00Z', '2031-06-10T08:00:00Z');
    expect(billingPeriod(account, new Date('2031-05-20T00:00:00Z'))).toEqual({ start: new Date('2031-05-10T08:00:00Z'), end: new Date('2031-06-10T08:00:00Z') });
    expect(billingPeriod(account, new Date('2031-06-10T08:00:00Z'))).toEqual({ start: new Date('2031-06-10T08:00:00Z'), end: new Date('2031-07-10T08:00:00Z') });
    expect(billingPeriod(account, new Date('2031-05-10T07:59:59Z'))).toEqual({ start: new Date('2031-04-10T08:00:00Z'), end: new Date('2031-05-10T08:00:00Z') });
    expect(addMonths(new Date('2031-01-31T00:00:00Z'), 1)).toEqual(new Date('2031-02-28T00:00:00Z'));
  });
});

describe('usage counting', () => {
  it('loses no increment under concurrency: 1,000 parallel increments make exactly 1,000', async () => {
    const tenant = await workspace();
    await Promise.all(Array.from({ length: 1_000 }, () => incrementUsage(tenant.id, API_REQUESTS, 1)));
    expect((await usageAt(tenant.id, API_REQUESTS)).value).toBe(1_000);
    expect(await db.usagePeriod.count({ where: { tenantId: tenant.id } })).toBe(1);
  });

  it("counts in the subscription's period when there is one", async () => {
    const tenant = await workspace({ plan: 'pro' });
    await db.billingAccount.create({
      data: { tenantId: tenant.id, stripeCustomerId: `cus_${tenant.id}`, stripeSubscriptionId: `sub_${tenant.id}`, subscriptionStatus: 'active', currentPeriodStart: new Date('2031-05-10T08:00:00Z'), currentPeriodEnd: new Date('2031-06-10T08:00:00Z') },
    });
    await incrementUsage(tenant.id, API_REQUESTS, 3, new Date('2031-05-31T12:00:00Z'));
    await incrementUsage(tenant.id, API_REQUESTS, 2, new Date('2031-06-10T09:00:00Z'));
    const rows = await db.usagePeriod.findMany({ where: { tenantId: tenant.id }, orderBy: { periodStart: 'asc' }, select: { periodStart: true, periodEnd: true, value: true } });
    expect(rows).toEqual([
      { periodStart: new Date('2031-05-10T08:00:00Z'), periodEnd: new Date('2031-06-10T08:00:00Z'), value: 3 },
      { periodStart: new Date('2031-06-10T08:00:00Z'), periodEnd: new Date('2031-07-10T08:00:00Z'), value: 2 },
    ]);
  });
});

describe('the API quota', () => {
  let owner: { tenant: TenantContext; admin: Member };

  beforeAll(async () => {
    const tenant = await workspace({ plan: 'enterprise' });
    owner = { tenant, admin: await memberIn(tenant, 'admin') };
  });

  it('stops a free workspace at 1,000 requests a month with 429 quota_exceeded, and does not bill the refusals', async () => {
    // Free workspaces reach the API through OAuth apps their members connect (API keys need Basic).
    const free = await workspace({ plan: 'free' });
    const member = await memberIn(free);
    const app = await registerApp(owner);
    const { access_token } = await tokensFor(app, free, member, 'read:users');
    await incrementUsage(free.id, API_REQUESTS, 998);
    clearQuotaCache();

    expect((await callApi(free, '/api/v1/users/me', access_token)).status).toBe(200);
    expect((await callApi(free, '/api/v1/users/me', access_token)).status).toBe(200);
    const refused = await callApi(free, '/api/v1/users/me', access_token);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'quota_exceeded', status: 429 });
    expect(refused.body.detail).toMatch(/^This workspace has used all its API requests for this period; the count resets on \d{4}-\d{2}-01\. The Free plan includes 1,000 API requests a month\. Upgrade to Basic for 10,000 API requests a month\. An owner can upgrade under Settings → Billing\.$/);

    await flushRequestLog();
    expect((await usageAt(free.id, API_REQUESTS)).value).toBe(1_000);
    expect(await db.apiRequestLog.count({ where: { tenantId: free.id, status: 429 } })).toBe(1);
  });

  it('answers 429 with Retry-After until the period ends', async () => {
    const free = await workspace({ plan: 'free' });
    await incrementUsage(free.id, API_REQUESTS, 1_000);
    clearQuotaCache();
    const error = await failure(admitApiRequest(free));
    expect(error).toMatchObject({ status: 429, code: 'quota_exceeded' });
    const retryAfter = (error as unknown as { retryAfterSeconds: number }).retryAfterSeconds;
    const periodEnd = (await usageAt(free.id, API_REQUESTS)).end.getTime();
    expect(Math.abs(Date.now() + retryAfter * 1000 - periodEnd)).toBeLessThan(5_000);
  });

  it('lets paid plans go over their quota (the overage is billed)', async () => {
    const basic = await workspace({ plan: 'basic' });
    await incrementUsage(basic.id, API_REQUESTS, 50_000);
    clearQuotaCache();
    await expect(admitApiRequest(basic)).resolves.toBeUndefined();
  });

  it('refuses API keys of a workspace whose plan has no API access, with an upgrade message', async () => {
    const ws = await apiWorkspace();
    expect((await ws.call(meRoute.GET, '/api/v1/users/me', {})).status).toBe(200);
    await setPlanByOperator(operator, ws.tenant.id, { plan: 'free' });
    const answer = await callV1(meRoute.GET, '/api/v1/users/me', {}, { secret: ws.secret, hostTenantId: ws.tenant.id });
    expectProblem(answer, 403, 'plan_upgrade_required');
    expect(answer.body.detail).toContain('API keys are not included in the Free plan. Upgrade to Basic or above');
  });
});
