import { NextRequest } from 'next/server';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AccountSuspended } from '../../components/billing/account-suspended.tsx';
import { isSuspendedForNonPayment, runDunningStep, stopDunning } from '../../lib/billing/dunning.ts';
import { db } from '../../lib/db/client.ts';
import { servedWhileSuspended } from '../../lib/tenancy/suspended-access.ts';
import { proxy } from '../../proxy.ts';
import { contextOf, createMember, createTenant, uniqueSlug } from '../support/factories.ts';

vi.mock('next-intl/server', async () => (await import('../support/intl-server.ts')).intlServer());

// A workspace suspended for non-payment: members get the "account suspended" page, while
// sign-in and the billing page (and its API) stay reachable so that owners can pay.

async function route(slug: string, path: string) {
  const host = `${slug}.localhost:3100`;
  const response = await proxy(new NextRequest(`http://${host}${path}`, { headers: { host } }));
  const rewrite = response.headers.get('x-middleware-rewrite');
  return { status: response.status, rewrite: rewrite ? new URL(rewrite).pathname : null, passedThrough: response.headers.get('x-middleware-next') === '1', response };
}

/** A workspace that dunning suspended at day 14 of an unpaid invoice. */
async function suspendedForNonPayment() {
  const tenant = await createTenant();
  await createMember(tenant.id, 'owner');
  const invoiceId = `in_${uniqueSlug()}`;
  await db.billingAccount.create({ data: { tenantId: tenant.id, unpaidInvoiceId: invoiceId, pastDueSince: new Date(Date.now() - 14 * 86_400_000) } });
  expect(await runDunningStep(tenant.id, invoiceId, 'suspended')).toMatchObject({ outcome: 'sent' });
  return { tenant, invoiceId };
}

describe('what a suspended workspace still serves', () => {
  it('only sign-in and the billing page and API', () => {
    for (const path of ['/settings/billing', '/settings/billing/invoices', '/api/app/billing', '/api/app/billing/portal', '/signin', '/auth/handoff', '/api/auth/session', '/api/auth/callback/email', '/api/sso/start', '/api/assets/logo-1']) {
      expect(servedWhileSuspended(path), path).toBe(true);
    }
    for (const path of ['/', '/goals', '/settings', '/settings/members', '/settings/billingx', '/api/app/billingx', '/api/app/members', '/api/v1/goals', '/developers/keys', '/signin/x']) {
      expect(servedWhileSuspended(path), path).toBe(false);
    }
  });
});

describe('proxy.ts for a workspace suspended for non-payment', () => {
  let slug: string;
  beforeAll(async () => {
    slug = (await suspendedForNonPayment()).tenant.slug;
  });

  it('rewrites the workspace’s pages to the suspended page, and answers its APIs with 403', async () => {
    for (const path of ['/', '/goals', '/settings/members']) expect((await route(slug, path)).rewrite, path).toBe('/workspace-suspended');
    const api = await route(slug, '/api/app/goals');
    expect(api.status).toBe(403);
    expect(await api.response.json()).toMatchObject({ code: 'workspace_suspended' });
  });

  it('still serves sign-in and the billing page to its owners', async () => {
    expect((await route(slug, '/settings/billing')).rewrite).toBe(`/t/${slug}/settings/billing`);
    expect((await route(slug, '/signin')).rewrite).toBe(`/t/${slug}/signin`);
    for (const path of ['/api/app/billing/portal', '/api/auth/session']) {
      const answer = await route(slug, path);
      expect(answer.status, path).toBe(200);
      expect(answer.passedThrough, path).toBe(true);
    }
  });

  it('serves none of it once the workspace is canceled', async () => {
    const tenant = await createTenant({ status: 'canceled' });
    expect((await route(tenant.slug, '/settings/billing')).rewrite).toBe('/workspace-suspended');
    expect((await route(tenant.slug, '/api/app/billing/portal')).status).toBe(403);
  });

  it('serves everything again once the invoice is paid', async () => {
    const { tenant, invoiceId } = await suspendedForNonPayment();
    expect((await route(tenant.slug, '/goals')).rewrite).toBe('/workspace-suspended');
    await stopDunning({ tenantId: tenant.id, invoiceId });
    expect((await route(tenant.slug, '/goals')).rewrite).toBe(`/t/${tenant.slug}/goals`);
  });
});

describe('the account suspended page', () => {
  it('is branded, sends owners to the billing page, signed-out visitors to sign in first, and tells members who can pay', async () => {
    const { tenant } = await suspendedForNonPayment();
    await db.branding.update({ where: { tenantId: tenant.id }, data: { primaryColor: '#123456', supportEmail: 'help@example.test' } });
    const context = await contextOf(tenant.id);
    // A server component (getTranslations): rendered as React would, awaited first.
    const page = async (viewer: 'owner' | 'member' | 'signed-out') => renderToStaticMarkup(await AccountSuspended({ tenant: context, viewer }));

    const owner = await page('owner');
    expect(owner).toContain('Account suspended');
    expect(owner).toContain(tenant.name);
    expect(owner).toContain('--brand-primary:#123456');
    expect(owner).toContain('href="/settings/billing"');
    expect(owner).toContain('mailto:help@example.test');

    expect(await page('signed-out')).toContain(`href="/signin?callbackUrl=%2Fsettings%2Fbilling"`);
    const member = await page('member');
    expect(member).not.toContain('/settings/billing"');
    expect(member).toContain('Only the workspace’s owners can pay it');
  });

  it('is shown for workspaces suspended for non-payment only, not for an operator’s suspension', async () => {
    const byDunning = await suspendedForNonPayment();
    expect(await isSuspendedForNonPayment(byDunning.tenant.id)).toBe(true);
    // Suspended by the Stripe webhook because the subscription became unpaid.
    const unpaid = await createTenant({ status: 'suspended' });
    await db.billingAccount.create({ data: { tenantId: unpaid.id, subscriptionStatus: 'unpaid' } });
    expect(await isSuspendedForNonPayment(unpaid.id)).toBe(true);
    // Suspended by an operator, with or without a billing account.
    const byOperator = await createTenant({ status: 'suspended' });
    expect(await isSuspendedForNonPayment(byOperator.id)).toBe(false);
    await db.billingAccount.create({ data: { tenantId: byOperator.id, subscriptionStatus: 'active', unpaidInvoiceId: `in_${uniqueSlug()}` } });
    expect(await isSuspendedForNonPayment(byOperator.id)).toBe(false);
  });
});
