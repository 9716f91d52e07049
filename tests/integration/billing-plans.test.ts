import { describe, expect, it } from 'vitest';
import { createApiKey } from '../../lib/api-keys/api-keys.ts';
import { cappedTier, planLimits } from '../../lib/api-keys/tiers.ts';
import { can, featureLock, limit, requireFeature } from '../../lib/billing/entitlements.ts';
import { PLAN_CATALOG } from '../../lib/billing/plan-catalog.ts';
import { clearPlanCache, getPlan, listPlans } from '../../lib/billing/plans.ts';
import { setPlanByOperator } from '../../lib/billing/set-plan.ts';
import { db } from '../../lib/db/client.ts';
import { emitEvent } from '../../lib/events/domain-events.ts';
import { acceptInvitation, createInvitation, resendInvitation } from '../../lib/members/invitations.ts';
import { createOAuthApp } from '../../lib/oauth/apps.ts';
import { addDomain } from '../../lib/tenancy/domains.ts';
import { loadTenantById, loadTenantForHost } from '../../lib/tenancy/load-tenant.ts';
import { updateBranding, uploadBrandImage } from '../../lib/tenancy/tenant-settings.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { createEndpoint, updateEndpoint } from '../../lib/webhooks/endpoints.ts';
import { fanOutEvent } from '../../lib/webhooks/fan-out.ts';
import { contextOf, uniqueSlug } from '../support/factories.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// Plans and what they unlock, enforced on the server from lib/billing/entitlements.ts.

const operator = { userId: 'operator-test', email: 'operator@waypoint.test' };

/** Moves a workspace to a plan the way the operator does, and returns it as services then see it. */
async function onPlan(tenant: TenantContext, plan: string): Promise<TenantContext> {
  await setPlanByOperator(operator, tenant.id, { plan });
  return contextOf(tenant.id);
}

const brandingInput = (overrides: Record<string, unknown> = {}) => ({
  primaryColor: '#4f46e5',
  secondaryColor: '#0f172a',
  accentColor: '#f59e0b',
  customCss: '',
  terminology: {},
  emailFromName: '',
  supportEmail: 'help@example.test',
  termsUrl: '',
  privacyUrl: '',
  hidePoweredBy: false,
  ...overrides,
});

describe('plans', () => {
  it('are in the database as the catalog ships them (the migration inserts them, the seed re-applies them)', async () => {
    const rows = await db.plan.findMany({ orderBy: { sortOrder: 'asc' }, include: { prices: { orderBy: { currency: 'asc' } } } });
    expect(
      rows.map(({ id, name, priceCents, stripeLookupKey, overageLookupKey, overagePer1000Cents, limits, features, sortOrder, prices }) => ({
        id,
        name,
        priceCents,
        stripeLookupKey,
        overageLookupKey,
        overagePer1000Cents,
        limits,
        features,
        sortOrder,
        // The other currencies (PlanPrice), without the operator's reseller floors.
        prices: Object.fromEntries(prices.map(({ currency, amountCents, stripeLookupKey, overageLookupKey, overagePer1000Cents }) => [currency, { amountCents, stripeLookupKey, overageLookupKey, overagePer1000Cents }])),
      })),
    ).toEqual(PLAN_CATALOG.map((plan) => ({ ...plan, limits: { ...plan.limits }, features: [...plan.features], prices: plan.prices ?? {} })));
    clearPlanCache();
    expect((await listPlans()).map((plan) => [plan.id, plan.priceCents, plan.limits.members, plan.limits.apiRequestsPerMonth])).toEqual([
      ['free', 0, 5, 1_000],
      ['basic', 2_900, 25, 10_000],
      ['pro', 9_900, 100, 100_000],
      ['enterprise', 29_900, 1_000, 1_000_000],
    ]);
  });

  it('each include the features of the plans below them', async () => {
    const features = async (plan: string) => (await getPlan(plan)).features;
    expect(await features('free')).toEqual([]);
    expect(await features('basic')).toEqual(['api', 'analytics']);
    expect(await features('pro')).toEqual(['api', 'analytics', 'custom_branding', 'hide_powered_by', 'webhooks', 'ai_coaching']);
    expect(await features('enterprise')).toEqual(['api', 'analytics', 'custom_branding', 'hide_powered_by', 'webhooks', 'custom_domain', 'sso', 'scim', 'oauth_apps', 'white_label', 'ai_coaching']);
    // An unknown (e.g. retired) plan gets the free plan's entitlements.
    expect(await can({ plan: 'starter' }, 'api')).toBe(false);
    expect(await limit({ plan: 'starter' }, 'members')).toBe(5);
  });

  it('cap API key tiers and quotas through the old helpers', async () => {
    expect(await planLimits({ plan: 'basic' })).toEqual({ maxTier: 'developer', monthlyRequests: 10_000 });
    expect(await cappedTier('enterprise', { plan: 'pro' })).toBe('business');
    expect(await cappedTier('free', { plan: 'enterprise' })).toBe('free');
  });
});

describe('can() and requireFeature()', () => {
  it('gate SSO and SCIM to enterprise, naming the plan that unlocks them', async () => {
    expect(await can({ plan: 'pro' }, 'sso')).toBe(false);
    expect(await can({ plan: 'enterprise' }, 'sso')).toBe(true);
    expect(await can({ plan: 'basic' }, 'scim')).toBe(false);
    const error = await failure(requireFeature({ plan: 'pro' }, 'sso'));
    expect(error).toMatchObject({ status: 403, code: 'plan_upgrade_required' });
    expect(error.message).toBe('Single sign-on (SAML) is not included in the Pro plan. Upgrade to Enterprise to use it. An owner can upgrade under Settings → Billing.');
    await expect(requireFeature({ plan: 'enterprise' }, 'sso')).resolves.toBeUndefined();
  });

  it('explain a lock for the UI: which plan unlocks the feature, and "or above" when there is one', async () => {
    expect(await featureLock({ plan: 'enterprise' }, 'webhooks')).toBeNull();
    expect(await featureLock({ plan: 'free' }, 'webhooks')).toMatchObject({
      feature: 'webhooks',
      currentPlan: 'Free',
      requiredPlan: 'Pro',
      message: 'Webhooks are not included in the Free plan. Upgrade to Pro or above to use them.',
    });
  });
});

describe('the member limit', () => {
  it('refuses the 6th member on free with an upgrade message, counting pending invitations', async () => {
    const tenant = await workspace({ plan: 'free' });
    const owner = await memberIn(tenant, 'owner');
    await memberIn(tenant);
    await memberIn(tenant);
    // 3 members + 2 pending invitations = 5 seats.
    await createInvitation(tenant, owner, { email: `${uniqueSlug('a')}@example.test`, role: 'member' });
    const pending = await createInvitation(tenant, owner, { email: `${uniqueSlug('b')}@example.test`, role: 'member' });
    const refused = await failure(createInvitation(tenant, owner, { email: `${uniqueSlug('c')}@example.test`, role: 'member' }));
    expect(refused).toMatchObject({ status: 403, code: 'plan_upgrade_required' });
    expect(refused.message).toBe(
      'This workspace has no seat left: 3 members and 2 pending invitations. The Free plan includes 5 members. Upgrade to Basic for 25 members. An owner can upgrade under Settings → Billing.',
    );
    expect(await db.invitation.count({ where: { tenantId: tenant.id } })).toBe(2);

    // An expired invitation frees its seat, and sending it again takes one.
    await db.invitation.update({ where: { id: pending.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000), lastSentAt: new Date(0) } });
    await createInvitation(tenant, owner, { email: `${uniqueSlug('d')}@example.test`, role: 'member' });
    expect(await failure(resendInvitation(tenant, owner, pending.invitation.id))).toMatchObject({ code: 'plan_upgrade_required' });

    // On basic, there is room.
    const basic = await onPlan(tenant, 'basic');
    await expect(createInvitation(basic, owner, { email: `${uniqueSlug('e')}@example.test`, role: 'member' })).resolves.toBeTruthy();
  });

  it('refuses to let a 6th person join through an invitation sent before a downgrade', async () => {
    const tenant = await workspace({ plan: 'basic' });
    const owner = await memberIn(tenant, 'owner');
    for (let i = 0; i < 4; i++) await memberIn(tenant);
    const email = `${uniqueSlug('late')}@example.test`;
    await createInvitation(tenant, owner, { email, role: 'member' });
    const message = await db.emailMessage.findFirstOrThrow({ where: { tenantId: tenant.id, to: email, kind: 'invitation' } });
    const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(message.text)![1];
    const free = await onPlan(tenant, 'free');
    const refused = await failure(acceptInvitation(free, token, { name: 'Late Comer', password: 'long-enough-password' }, { ip: '192.0.2.1', sessionUserId: null }));
    expect(refused).toMatchObject({ status: 403, code: 'plan_upgrade_required' });
    expect(refused.message).toContain('it has 5 members');
    // Nothing happened: the invitation is still open, nobody was added.
    expect(await db.membership.count({ where: { tenantId: tenant.id } })).toBe(5);
    expect(await db.invitation.count({ where: { tenantId: tenant.id, acceptedAt: null } })).toBe(1);
  });

  it('lets no two invitations race for the last seat', async () => {
    const tenant = await workspace({ plan: 'free' });
    const owner = await memberIn(tenant, 'owner');
    for (let i = 0; i < 3; i++) await memberIn(tenant);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => createInvitation(tenant, owner, { email: `${uniqueSlug('r')}@example.test`, role: 'member' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.invitation.count({ where: { tenantId: tenant.id } })).toBe(1);
  });
});

describe('features enforced on the server', () => {
  it('API keys need a plan with API access', async () => {
    const tenant = await workspace({ plan: 'free' });
    const admin = await memberIn(tenant, 'admin');
    const error = await failure(createApiKey(tenant, admin, { name: 'k', scopes: ['read:goals'] }));
    expect(error).toMatchObject({ status: 403, code: 'plan_upgrade_required' });
    expect(error.message).toContain('API keys are not included in the Free plan. Upgrade to Basic or above');
    const basic = await onPlan(tenant, 'basic');
    await expect(createApiKey(basic, admin, { name: 'k', scopes: ['read:goals'], tier: 'developer' })).resolves.toBeTruthy();
  });

  it('webhooks: endpoints need pro, and events of a workspace without it are not fanned out', async () => {
    process.env.WEBHOOKS_ALLOW_LOCALHOST = 'true';
    const tenant = await workspace({ plan: 'pro' });
    const admin = await memberIn(tenant, 'admin');
    const { endpoint } = await createEndpoint(tenant, admin, { url: 'http://127.0.0.1:9/hook', eventTypes: [], enabled: true });
    const basic = await onPlan(tenant, 'basic');
    expect(await failure(createEndpoint(basic, admin, { url: 'http://127.0.0.1:9/other', eventTypes: [] }))).toMatchObject({ code: 'plan_upgrade_required' });
    // Switching off is always allowed; on again is not.
    await expect(updateEndpoint(basic, admin, endpoint.id, { enabled: false })).resolves.toMatchObject({ enabled: false });
    expect(await failure(updateEndpoint(basic, admin, endpoint.id, { enabled: true }))).toMatchObject({ code: 'plan_upgrade_required' });
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: true } });
    const eventId = await db.$transaction((tx) => emitEvent(tx, tenant.id, 'goal.created', { goalId: 'g1', title: 'Quiet', ownerId: admin.userId, teamId: null }, null, { kind: 'workspace' }));
    expect(await fanOutEvent(eventId)).toMatchObject({ deliveries: 0 });
    expect(await db.webhookDelivery.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it('custom domains need enterprise, and are served only while the plan includes them', async () => {
    const tenant = await workspace({ plan: 'enterprise' });
    const hostname = `coach.${uniqueSlug('d')}.test`;
    const domain = await addDomain(tenant.id, hostname, null);
    await db.domain.update({ where: { id: domain.id }, data: { verifiedAt: new Date() } });
    expect((await loadTenantForHost({ kind: 'custom', hostname }))?.id).toBe(tenant.id);
    await onPlan(tenant, 'pro');
    expect(await loadTenantForHost({ kind: 'custom', hostname })).toBeNull();
    expect(await failure(addDomain(tenant.id, `www.${uniqueSlug('d')}.test`, null))).toMatchObject({ status: 403, code: 'plan_upgrade_required' });
  });

  it('OAuth apps need enterprise to register', async () => {
    const tenant = await workspace({ plan: 'pro' });
    const admin = await memberIn(tenant, 'admin');
    const error = await failure(createOAuthApp(tenant, admin, { name: 'App', redirectUris: ['https://app.example.test/cb'], clientType: 'public', allowedScopes: ['read:goals'] }));
    expect(error).toMatchObject({ code: 'plan_upgrade_required' });
    expect(error.message).toContain('OAuth apps are not included in the Pro plan. Upgrade to Enterprise to use them.');
  });

  it('custom branding and hiding "Powered by": refused below pro, and served as the defaults after a downgrade', async () => {
    const tenant = await workspace({ plan: 'pro' });
    const admin = await memberIn(tenant, 'admin');
    await updateBranding(tenant, admin, brandingInput({ primaryColor: '#e11d48', customCss: 'h1 { color: red; }', terminology: { goal: 'objective' }, hidePoweredBy: true }));
    expect((await loadTenantById(tenant.id))?.branding).toMatchObject({ primaryColor: '#e11d48', hidePoweredBy: true, terminology: expect.objectContaining({ goal: 'objective' }) });

    const basic = await onPlan(tenant, 'basic');
    expect(basic.branding).toMatchObject({ primaryColor: '#4f46e5', customCss: '', hidePoweredBy: false, terminology: expect.objectContaining({ goal: 'goal' }) });
    // The stored brand stays for an upgrade.
    expect(await db.branding.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({ primaryColor: '#e11d48', hidePoweredBy: true });

    expect(await failure(updateBranding(basic, admin, brandingInput({ primaryColor: '#000000' })))).toMatchObject({ status: 403, code: 'plan_upgrade_required' });
    expect(await failure(updateBranding(basic, admin, brandingInput({ hidePoweredBy: true })))).toMatchObject({ code: 'plan_upgrade_required' });
    expect(await failure(uploadBrandImage(basic, admin, 'logo', Buffer.from('89504e470d0a1a0a', 'hex')))).toMatchObject({ code: 'plan_upgrade_required' });
    // What the plan includes can still be changed, and leaves the stored brand alone.
    await updateBranding(basic, admin, brandingInput({ supportEmail: 'support@example.test' }));
    expect(await db.branding.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({ supportEmail: 'support@example.test', primaryColor: '#e11d48', customCss: 'h1 {\n  color: red;\n}' });

    expect((await onPlan(tenant, 'pro')).branding).toMatchObject({ primaryColor: '#e11d48' });
  });
});

describe('the operator', () => {
  it('sets a plan by hand, audited in the workspace log, and only to a plan that exists', async () => {
    const tenant = await workspace({ plan: 'free' });
    expect(await setPlanByOperator(operator, tenant.id, { plan: 'pro' }, '198.51.100.7')).toEqual({ plan: 'pro', changed: true });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).plan).toBe('pro');
    const entry = await db.auditLog.findFirstOrThrow({ where: { tenantId: tenant.id, action: 'billing.plan_changed' } });
    expect(entry).toMatchObject({ actorEmail: operator.email, ip: '198.51.100.7', metadata: { from: 'free', to: 'pro', source: 'operator' } });
    expect(await setPlanByOperator(operator, tenant.id, { plan: 'pro' })).toEqual({ plan: 'pro', changed: false });
    expect(await failure(setPlanByOperator(operator, tenant.id, { plan: 'platinum' }))).toMatchObject({ status: 422, fields: { plan: 'There is no such plan.' } });
    expect(await failure(setPlanByOperator(operator, 'no-such-tenant', { plan: 'pro' }))).toMatchObject({ status: 404 });
  });
});
