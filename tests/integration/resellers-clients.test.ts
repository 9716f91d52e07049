import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearPlanCache } from '../../lib/billing/plans.ts';
import { db } from '../../lib/db/client.ts';
import { acceptInvitation } from '../../lib/members/invitations.ts';
import { createClientTenant, listClients } from '../../lib/resellers/clients.ts';
import { ensureStripePrice, priceFor, resellerStripePriceFor, setPlanFloor, setResellerPrice } from '../../lib/resellers/prices.ts';
import { resellerActorFor } from '../../lib/resellers/reseller-actor.ts';
import { setWhiteLabel } from '../../lib/resellers/resellers.ts';
import { setResellerStripe } from '../../lib/resellers/stripe-gateway.ts';
import { whiteLabelFor } from '../../lib/resellers/white-label.ts';
import { createTenant, uniqueSlug } from '../support/factories.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe.ts';
import { clientOf, createReseller, createResellerUser } from '../support/resellers.ts';
import { contextOf } from '../support/factories.ts';
import { failure } from '../support/workspace.ts';

const OPERATOR = { userId: 'operator', email: 'operator@waypoint.test', role: 'owner' as const };

// The floors these tests rely on (the demo seed sets the same ones).
const FLOORS = { basic: 2500, pro: 8000, enterprise: 25_000 } as const;

beforeAll(async () => {
  for (const [planId, floorCents] of Object.entries(FLOORS)) await setPlanFloor(OPERATOR, planId, { floorCents });
  await setPlanFloor(OPERATOR, 'free', { floorCents: null });
});

describe('client workspaces created by a reseller', () => {
  it("reuses the sign-up service: a trial workspace owned by the reseller, with an owner invitation emailed to the client, who joins as owner", async () => {
    const reseller = await createReseller();
    const slug = uniqueSlug('acme');
    const ownerEmail = `${uniqueSlug('owner')}@client.test`;
    const result = await createClientTenant(reseller.actor, { workspaceName: 'Acme Client', slug, ownerEmail }, '203.0.113.9');
    expect(result.tenant.slug).toBe(slug);
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: result.tenant.id }, include: { branding: true, memberships: true } });
    expect(tenant).toMatchObject({ resellerId: reseller.id, status: 'trial', plan: 'pro', trialEndsAt: expect.any(Date), name: 'Acme Client' });
    expect(tenant.branding).not.toBeNull();
    // Reseller users are not members of their clients' workspaces.
    expect(tenant.memberships).toHaveLength(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: tenant.id, action: 'tenant.created' } });
    expect(audit).toMatchObject({ actorId: reseller.actor.userId, ip: '203.0.113.9' });
    expect(audit.metadata).toMatchObject({ resellerId: reseller.id });

    const invitation = await db.invitation.findFirstOrThrow({ where: { tenantId: tenant.id } });
    expect(invitation).toMatchObject({ email: ownerEmail, role: 'owner', invitedById: reseller.actor.userId });
    const email = await db.emailMessage.findFirstOrThrow({ where: { tenantId: tenant.id, to: ownerEmail, kind: 'invitation' } });
    expect(email.subject).toContain(reseller.name);
    const token = email.text.match(/\/invite\/([A-Za-z0-9_-]{43})/)![1];
    const accepted = await acceptInvitation(await contextOf(tenant.id), token, { name: 'Client Owner', password: 'client-password-1' }, { ip: '203.0.113.10', sessionUserId: null });
    const membership = await db.membership.findUniqueOrThrow({ where: { tenantId_userId: { tenantId: tenant.id, userId: accepted.userId } } });
    expect(membership.role).toBe('owner');

    const [listed] = await listClients(reseller.actor);
    expect(listed).toMatchObject({ id: tenant.id, plan: 'pro', members: 1, ownerInvitationPending: false });
  });

  it('refuses a taken address, bad input, and a reseller that is not approved', async () => {
    const reseller = await createReseller();
    const taken = await createTenant();
    const conflict = await failure(createClientTenant(reseller.actor, { workspaceName: 'Dup', slug: taken.slug, ownerEmail: 'x@client.test' }));
    expect(conflict.status).toBe(409);
    expect(conflict.fields?.slug).toBeDefined();
    const invalid = await failure(createClientTenant(reseller.actor, { workspaceName: 'X', slug: 'NO', ownerEmail: 'nope' }));
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.fields ?? {}).sort()).toEqual(['ownerEmail', 'slug', 'workspaceName']);
    const pending = await createReseller({ status: 'pending' });
    expect((await failure(createClientTenant(pending.actor, { workspaceName: 'Early', slug: uniqueSlug('early'), ownerEmail: 'x@client.test' }))).status).toBe(403);
  });
});

describe('custom prices', () => {
  let fake: FakeStripe;
  beforeAll(async () => {
    fake = await startFakeStripe();
    let n = 0;
    fake.override((request) => {
      if (request.method === 'POST' && request.path === '/v1/prices') return { body: { id: `price_reseller_${++n}`, object: 'price', unit_amount: Number(request.form.unit_amount), metadata: {} } };
      if (request.method === 'GET' && request.path === '/v1/prices') {
        // The SDK sends lookup_keys[0]=…
        const keys = [...request.query.entries()].filter(([key]) => key.startsWith('lookup_keys')).map(([, value]) => value);
        const data = keys.flatMap((key) => (key === 'waypoint_pro_monthly' ? [{ id: 'price_pro_monthly', object: 'price', lookup_key: key, product: 'prod_pro' }] : []));
        return { body: { object: 'list', data, has_more: false, url: '/v1/prices' } };
      }
      return undefined;
    });
  });
  afterAll(async () => {
    setResellerStripe(undefined);
    await fake.close();
  });

  it('within the floor only; plans without a floor cannot be priced; only owners of approved resellers price', async () => {
    const reseller = await createReseller();
    setResellerStripe(() => null);
    expect((await failure(setResellerPrice(reseller.actor, { planId: 'pro', priceCents: FLOORS.pro - 1 }))).fields?.priceCents).toMatch(/below \$80\.00/);
    expect((await failure(setResellerPrice(reseller.actor, { planId: 'free', priceCents: 500 }))).fields?.planId).toMatch(/cannot set/);
    expect((await failure(setResellerPrice(reseller.actor, { planId: 'platinum', priceCents: 500 }))).fields?.planId).toBeDefined();
    const atFloor = await setResellerPrice(reseller.actor, { planId: 'pro', priceCents: FLOORS.pro });
    expect(atFloor).toMatchObject({ planId: 'pro', priceCents: FLOORS.pro, stripePriceId: null });
    const member = await resellerActorFor((await createResellerUser(reseller.id, 'member')).id);
    expect((await failure(setResellerPrice(member!, { planId: 'pro', priceCents: 12_000 }))).status).toBe(403);
  });

  it("priceFor: a reseller's client sees the reseller's price; other workspaces see the list price", async () => {
    setResellerStripe(() => null);
    const reseller = await createReseller();
    await setResellerPrice(reseller.actor, { planId: 'pro', priceCents: 11_900 });
    const client = await clientOf(reseller);
    expect(await priceFor(client, 'pro')).toMatchObject({ priceCents: 11_900, source: 'reseller', resellerName: reseller.name, stripePriceId: null });
    // A plan the reseller did not price: list price.
    expect(await priceFor(client, 'basic')).toMatchObject({ priceCents: 2900, source: 'list', stripeLookupKey: 'waypoint_basic_monthly' });
    const direct = await createTenant();
    expect(await priceFor(direct, 'pro')).toMatchObject({ priceCents: 9900, source: 'list' });
    const otherClient = await clientOf(await createReseller());
    expect((await priceFor(otherClient, 'pro')).source).toBe('list');
    expect((await failure(priceFor(client, 'platinum'))).status).toBe(404);
  });

  it('with Stripe configured: one Stripe price per reseller, plan and amount, on the plan product, tagged with the plan', async () => {
    const url = new URL(fake.url);
    const client = new Stripe('sk_test_prices', { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0, telemetry: false });
    setResellerStripe(() => client);
    const reseller = await createReseller();
    const first = await setResellerPrice(reseller.actor, { planId: 'pro', priceCents: 12_900 });
    expect(first.stripePriceId).toMatch(/^price_reseller_/);
    const created = fake.calls('POST', '/v1/prices').at(-1)!;
    expect(created.form).toMatchObject({
      currency: 'usd',
      unit_amount: '12900',
      'recurring[interval]': 'month',
      product: 'prod_pro',
      'metadata[waypoint_plan]': 'pro',
      'metadata[waypoint_reseller]': reseller.id,
    });
    expect(created.headers['idempotency-key']).toBe(`reseller-price:${reseller.id}:pro:12900`);
    // The same amount again: no new price.
    const before = fake.calls('POST', '/v1/prices').length;
    expect((await setResellerPrice(reseller.actor, { planId: 'pro', priceCents: 12_900 })).stripePriceId).toBe(first.stripePriceId);
    expect(fake.calls('POST', '/v1/prices').length).toBe(before);
    // A new amount: a new price (Stripe prices are immutable).
    const second = await setResellerPrice(reseller.actor, { planId: 'pro', priceCents: 13_900 });
    expect(second.stripePriceId).not.toBe(first.stripePriceId);
    expect(await ensureStripePrice(reseller.id, 'pro')).toBe(second.stripePriceId);
    // Checkout uses it for the reseller's clients, and the plan's own price for everyone else.
    expect(await resellerStripePriceFor(await clientOf(reseller), 'pro')).toBe(second.stripePriceId);
    expect(await resellerStripePriceFor(await clientOf(reseller), 'basic')).toBeNull();
    expect(await resellerStripePriceFor(await createTenant(), 'pro')).toBeNull();
  });
});

describe('white label on client workspaces', () => {
  it("shows the reseller's white label where the client's plan includes it (enterprise), not below, not for suspended resellers or direct workspaces", async () => {
    clearPlanCache();
    const reseller = await createReseller({ name: 'Brightside Partners' });
    await setWhiteLabel(reseller.actor, { name: 'Brightside', logoUrl: 'https://brightside.example/logo.png', websiteUrl: 'https://brightside.example' });
    const enterprise = await clientOf(reseller, { plan: 'enterprise' });
    const pro = await clientOf(reseller, { plan: 'pro' });
    expect(await whiteLabelFor(enterprise)).toEqual({ name: 'Brightside', logoUrl: 'https://brightside.example/logo.png', websiteUrl: 'https://brightside.example' });
    expect(await whiteLabelFor(pro)).toBeNull();
    expect(await whiteLabelFor(await createTenant({ plan: 'enterprise' }))).toBeNull();
    await db.reseller.update({ where: { id: reseller.id }, data: { status: 'suspended' } });
    expect(await whiteLabelFor({ id: enterprise.id, plan: 'enterprise' })).toBeNull();
  });

  it('refuses a white label with non-https addresses', async () => {
    const reseller = await createReseller();
    const error = await failure(setWhiteLabel(reseller.actor, { name: 'X', logoUrl: 'http://insecure.example/logo.png', websiteUrl: 'javascript:alert(1)' }));
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['logoUrl', 'websiteUrl']);
  });
});
