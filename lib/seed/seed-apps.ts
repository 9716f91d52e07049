import { createHash } from 'node:crypto';
import { db } from '../db/client.ts';
import { publishInTx } from '../marketplace/app-lifecycle.ts';
import { hashOAuthSecret, secretHint } from '../oauth/hash-client-secret.ts';
import { generateCredential, newAppId } from '../oauth/oauth-credentials.ts';
import { ensurePartnerSandbox } from '../partners/sandbox.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import { FREE_PRICING, type AppPricing } from '../marketplace/pricing.ts';
import { DEMO_PARTNER, DEMO_PARTNER_ORG } from './seed-partners.ts';

// The demo partner's apps (seedDemo runs this after the partner; idempotent by slug):
//   Pulse Sync      fitness, free, published and featured: ready to install on acme from /apps
//   Stride Coach    fitness, paid (hybrid: $49.00 / month, 10,000 calls included, then $0.50
//                   per 1,000), published months ago; seed-earnings.ts installs it in acme and
//                   gives it revenue and an open ticket
//   Focus Calendar  calendar, version 1 submitted: waiting in the operator's review queue
// Made directly (as the services would leave them), so seeding sends no email. Their OAuth
// client secrets are random and unknown, and they have no webhook secret yet: the partner
// rotates either from the app's page to get one (the seed runs without ENCRYPTION_KEY).

const SCREEN = 'https://pulse-sync.example.com';

interface DemoApp {
  slug: string;
  name: string;
  tagline: string;
  category: string;
  color: string;
  description: string;
  scopes: { scope: string; justification: string }[];
  site: string;
  status: 'published' | 'submitted';
  /** Days between submission and now (publication follows two days after submission). */
  submittedDaysAgo: number;
  pricing?: AppPricing;
  featured?: boolean;
  note?: string;
}

/** The demo's paid app: installed in acme on the operator's say-so, with revenue and a ticket. */
export const DEMO_PAID_APP = {
  slug: 'stride-coach',
  name: 'Stride Coach',
  pricing: { pricing: 'hybrid', priceCurrency: 'usd', monthlyFeeCents: 4900, per1000CallsCents: 50, includedCalls: 10_000 } satisfies AppPricing,
} as const;

const DEMO_APPS: DemoApp[] = [
  {
    slug: 'pulse-sync',
    name: 'Pulse Sync',
    tagline: 'Your workouts check off your habits',
    category: 'fitness',
    color: '#e11d48',
    site: SCREEN,
    status: 'published',
    submittedDaysAgo: 20,
    featured: true,
    description: [
      'Pulse Sync connects your watch and fitness apps to Waypoint.',
      '',
      '- **Runs, rides and swims** log the matching habit for the day, with the distance in the note.',
      '- **Step goals** move forward on their own as your steps add up.',
      '- **Team challenges** count every member’s workouts toward the team goal.',
      '',
      'Works with Garmin, Polar, Apple Health and Strava. Your workspace admin installs it once; each member links their own tracker in Pulse.',
    ].join('\n'),
    scopes: [
      { scope: 'read:habits', justification: 'To match your workouts to the habits they check off.' },
      { scope: 'write:habits', justification: 'To log a habit for the day when a matching workout is recorded.' },
      { scope: 'read:goals', justification: 'To show step and distance goals next to your activity.' },
    ],
  },
  {
    slug: DEMO_PAID_APP.slug,
    name: DEMO_PAID_APP.name,
    tagline: 'Training plans that turn into habits',
    category: 'fitness',
    color: '#7c3aed',
    site: 'https://stride-coach.example.com',
    status: 'published',
    // Published long enough ago for months of invoices (seed-earnings.ts).
    submittedDaysAgo: 240,
    pricing: DEMO_PAID_APP.pricing,
    description: [
      'Stride Coach builds a training plan for each member and keeps it in step with Waypoint.',
      '',
      '- **Plans for every level**: couch to 5K, a first half marathon, strength twice a week.',
      '- **Sessions become habits**: each planned session is a habit check-in, logged when the workout is done.',
      '- **Coaches see progress**: team goals move with every completed session.',
      '',
      'Priced per workspace: a monthly fee with 10,000 API calls included, then a small price per 1,000 calls.',
    ].join('\n'),
    scopes: [
      { scope: 'read:habits', justification: 'To match planned sessions to the habits they check off.' },
      { scope: 'write:habits', justification: 'To log the habit of a planned session once the workout is recorded.' },
      { scope: 'read:goals', justification: 'To show each plan next to the goal it trains for.' },
    ],
  },
  {
    slug: 'focus-calendar',
    name: 'Focus Calendar',
    tagline: 'Block time for your goals in your calendar',
    category: 'calendar',
    color: '#0369a1',
    site: 'https://focus-calendar.example.com',
    status: 'submitted',
    submittedDaysAgo: 2,
    note: 'First version: it reads goals and their milestones and adds focus blocks to Google and Outlook calendars.',
    description: [
      'Focus Calendar turns goals into time on your calendar.',
      '',
      '1. Pick a goal and how many hours a week it deserves.',
      '2. Focus Calendar finds free slots in Google Calendar or Outlook and books focus blocks.',
      '3. Milestones appear as all-day reminders on their due dates.',
    ].join('\n'),
    scopes: [{ scope: 'read:goals', justification: 'To read goals and milestones and place focus blocks and reminders for them.' }],
  },
];

/** A square logo with the app's initial, as SVG (a logo type apps may upload). */
function logoSvg(app: DemoApp): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256"><rect width="256" height="256" rx="56" fill="${app.color}"/><text x="128" y="168" font-family="Helvetica, Arial, sans-serif" font-size="128" font-weight="700" fill="#ffffff" text-anchor="middle">${app.name[0]}</text></svg>`,
  );
}

const ALL_OK = [
  ['description_length', 'description'],
  ['logo', 'logo'],
  ['privacy_url', 'privacyUrl'],
  ['redirect_https', 'redirectUris'],
  ['redirect_no_wildcard', 'redirectUris'],
  ['scopes_justified', 'scopes'],
  ['webhook_url', 'webhookUrl'],
  ['paid_app_links', 'supportUrl'],
].map(([id, field]) => ({ id, field, ok: true, message: 'Passed when the demo was seeded.' }));

export async function seedMarketplaceApps(): Promise<number> {
  const partner = await db.partner.findUnique({ where: { slug: DEMO_PARTNER_ORG.slug }, select: { id: true } });
  const owner = await db.user.findUnique({ where: { email: DEMO_PARTNER.email }, select: { id: true, email: true } });
  if (!partner || !owner) return 0;
  const sandbox = await ensurePartnerSandbox(partner.id);
  let created = 0;
  for (const demo of DEMO_APPS) {
    if (await db.marketplaceApp.findUnique({ where: { slug: demo.slug }, select: { id: true } })) continue;
    created++;
    const secret = generateCredential('clientSecret');
    await db.$transaction(async (tx) => {
      const logo = logoSvg(demo);
      const asset = await tx.asset.create({ data: { tenantId: sandbox.id, kind: 'app_logo', contentType: 'image/svg+xml', size: logo.length, sha256: createHash('sha256').update(logo).digest('hex'), data: new Uint8Array(logo) }, select: { id: true } });
      const redirectUris = [`${demo.site}/oauth/callback`];
      const client = await tx.oAuthApp.create({
        data: {
          id: newAppId(),
          tenantId: sandbox.id,
          createdById: owner.id,
          clientId: generateCredential('clientId'),
          clientType: 'confidential',
          secretHash: hashOAuthSecret(secret),
          secretHint: secretHint(secret),
          name: demo.name,
          redirectUris,
          allowedScopes: demo.scopes.map((s) => s.scope),
        },
        select: { id: true },
      });
      const app = await tx.marketplaceApp.create({
        data: { id: newAppId(), partnerId: partner.id, slug: demo.slug, oauthAppId: client.id },
        select: { id: true, partnerId: true, status: true, liveVersionId: true, oauthAppId: true },
      });
      const submittedAt = new Date(Date.now() - demo.submittedDaysAgo * 86_400_000);
      const pricing = demo.pricing ?? FREE_PRICING;
      const version = await tx.appVersion.create({
        data: {
          appId: app.id,
          number: 1,
          status: demo.status === 'published' ? 'approved' : 'submitted',
          name: demo.name,
          tagline: demo.tagline,
          description: demo.description,
          category: demo.category,
          logoAssetId: asset.id,
          websiteUrl: demo.site,
          docsUrl: `${demo.site}/docs`,
          supportUrl: `${demo.site}/support`,
          privacyUrl: `${demo.site}/privacy`,
          termsUrl: `${demo.site}/terms`,
          setupUrl: `${demo.site}/waypoint/setup`,
          redirectUris,
          scopes: demo.scopes,
          checks: ALL_OK,
          pricing: pricing.pricing,
          priceCurrency: pricing.priceCurrency,
          monthlyFeeCents: pricing.monthlyFeeCents,
          per1000CallsCents: pricing.per1000CallsCents,
          includedCalls: pricing.includedCalls,
          submittedAt,
          createdById: owner.id,
          ...(demo.status === 'published' ? { decidedAt: new Date(submittedAt.getTime() + 86_400_000), decisionReason: 'Looks great.' } : {}),
        },
        select: { id: true },
      });
      await recordPlatformAudit(tx, { actor: owner, action: 'app.created', target: { type: 'marketplace_app', id: app.id }, metadata: { source: 'demo seed', name: demo.name } });
      await recordPlatformAudit(tx, { actor: owner, action: 'app_version.submitted', target: { type: 'app_version', id: version.id }, metadata: { source: 'demo seed', appId: app.id, number: 1 } });
      if (demo.note) await tx.appReviewComment.create({ data: { versionId: version.id, authorId: owner.id, side: 'partner', body: demo.note } });
      if (demo.status === 'published') {
        await publishInTx(tx, app, version.id, new Date(submittedAt.getTime() + 2 * 86_400_000));
        if (demo.featured) await tx.marketplaceApp.update({ where: { id: app.id }, data: { featuredAt: new Date() } });
        await recordPlatformAudit(tx, { actor: owner, action: 'app_version.published', target: { type: 'app_version', id: version.id }, metadata: { source: 'demo seed', appId: app.id, number: 1 } });
      }
    });
  }
  return created;
}
