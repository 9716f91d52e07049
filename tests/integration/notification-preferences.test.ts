import { beforeAll, describe, expect, it } from 'vitest';
import * as route from '../../app/api/app/account/notifications/route.ts';
import { getPreferences, updatePreferences } from '../../lib/account/notification-preferences.ts';
import { dunningRecipients } from '../../lib/billing/dunning.ts';
import { db } from '../../lib/db/client.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { notifyEndpointDisabled } from '../../lib/webhooks/endpoint-health.ts';
import { callRoute } from '../support/app-client.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// Account › Notifications: each member turns optional emails off for one workspace, and the
// senders leave them out.

let tenant: TenantContext;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  tenant = await workspace();
});

describe('preferences', () => {
  it('are all on by default, offered by role, and saved per member', async () => {
    const admin = await memberIn(tenant, 'admin');
    const owner = await memberIn(tenant, 'owner');
    const viewer = await memberIn(tenant, 'viewer');
    expect(await getPreferences(tenant, admin)).toEqual({ webhook_alerts: true });
    expect(await getPreferences(tenant, owner)).toEqual({ webhook_alerts: true, billing_reminders: true });
    expect(await getPreferences(tenant, viewer)).toEqual({});

    const answer = await callRoute(route.PATCH, { method: 'PATCH', path: '/api/app/account/notifications', tenantId: tenant.id, host: `${tenant.slug}.localhost:3100`, cookie: await sessionCookie(owner.userId, tenant.id), json: { billing_reminders: false } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ webhook_alerts: true, billing_reminders: false });
    // Another member's are untouched.
    expect(await getPreferences(tenant, admin)).toEqual({ webhook_alerts: true });
  });

  it('refuses unknown topics and non-booleans (422)', async () => {
    const admin = await memberIn(tenant, 'admin');
    expect((await failure(updatePreferences(tenant, admin, { marketing: false }))).status).toBe(422);
    expect((await failure(updatePreferences(tenant, admin, { webhook_alerts: 'no' }))).status).toBe(422);
  });
});

describe('senders honour them', () => {
  it('a disabled "webhook endpoint disabled" preference stops that email to that admin only', async () => {
    const w = await workspace();
    const quiet = await memberIn(w, 'admin');
    const loud = await memberIn(w, 'owner');
    await updatePreferences(w, quiet, { webhook_alerts: false });

    await notifyEndpointDisabled({ endpointId: 'ep_test', tenantId: w.id, url: 'https://receiver.example/hook', reason: 'It failed 20 times in a row.' });
    const sent = await db.emailMessage.findMany({ where: { tenantId: w.id, kind: 'webhook_disabled' }, select: { to: true } });
    expect(sent.map((email) => email.to)).toEqual([loud.email]);

    // Turned back on, it is sent again.
    await updatePreferences(w, quiet, { webhook_alerts: true });
    await notifyEndpointDisabled({ endpointId: 'ep_test', tenantId: w.id, url: 'https://receiver.example/hook', reason: 'Again.' });
    expect(await db.emailMessage.count({ where: { tenantId: w.id, kind: 'webhook_disabled', to: quiet.email } })).toBe(1);
  });

  it('an owner without payment reminders still gets the suspension notice; billing contacts get everything', async () => {
    const w = await workspace();
    const quiet = await memberIn(w, 'owner');
    const loud = await memberIn(w, 'owner');
    await db.billingAccount.upsert({ where: { tenantId: w.id }, create: { tenantId: w.id, billingEmails: ['Accounts@Example.test', quiet.email] }, update: { billingEmails: ['Accounts@Example.test', quiet.email] } });
    await updatePreferences(w, quiet, { billing_reminders: false });
    // Listed as a billing contact too, the address gets reminders as that contact.
    expect((await dunningRecipients(w.id, 'day3')).sort()).toEqual([loud.email, 'accounts@example.test', quiet.email].sort());
    await db.billingAccount.update({ where: { tenantId: w.id }, data: { billingEmails: ['accounts@example.test'] } });
    expect((await dunningRecipients(w.id, 'day0')).sort()).toEqual([loud.email, 'accounts@example.test'].sort());
    expect((await dunningRecipients(w.id, 'suspended')).sort()).toEqual([loud.email, quiet.email, 'accounts@example.test'].sort());
  });
});
