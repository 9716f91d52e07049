import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { DEMO_PAID_APP } from '../../lib/seed/seed-apps.ts';
import { DEMO_TICKET } from '../../lib/seed/seed-earnings.ts';
import { listInsights } from '../../lib/insights/list-insights.ts';
import { demoEmail } from '../../lib/seed/demo-data.ts';
import { seedDemo } from '../../lib/seed/seed-demo.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

// The demo seed (`npm run db:seed`, and `npm start` on every run) on a database of its own:
// what a fresh clone gets (the demo partner's paid app installed in acme, its revenue, an open
// ticket to answer), and that seeding again adds nothing (every table keeps its row count).
// Its own database, because the shared one's rows change under the other files' tests.

let database: TestDatabase;
let sharedUrl: string | undefined;

/** Rows per table of the public schema (migrations' own table aside). */
async function tableCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`);
    const counts: Record<string, number> = {};
    for (const { tablename } of rows) {
      const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${tablename}"`);
      counts[tablename] = Number(result.rows[0].n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

let first: { created: number };
let afterFirst: Record<string, number>;

beforeAll(async () => {
  database = await createTestDatabase();
  sharedUrl = process.env.DATABASE_URL;
  await disconnectDb();
  process.env.DATABASE_URL = database.url;
  first = await seedDemo();
  afterFirst = await tableCounts(database.url);
}, 120_000);

afterAll(async () => {
  await disconnectDb();
  if (sharedUrl) process.env.DATABASE_URL = sharedUrl;
  await database?.cleanup();
});

describe('the demo seed', () => {
  it('creates the demo on an empty database, and seeding again adds nothing', async () => {
    expect(first.created).toBeGreaterThan(0);
    expect(await seedDemo()).toEqual({ created: 0 });
    expect(await tableCounts(database.url)).toEqual(afterFirst);
  }, 120_000);

  it('has insights for the members on their first visit: their own and their team’s', async () => {
    const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' }, select: { id: true } });
    const member = await db.user.findUniqueOrThrow({ where: { email: demoEmail('member', 'acme') }, select: { id: true } });
    const viewer = await db.user.findUniqueOrThrow({ where: { email: demoEmail('viewer', 'acme') }, select: { id: true } });
    const forMember = await listInsights(acme, { userId: member.id });
    expect(forMember.map((i) => [i.kind, i.subject.name])).toEqual(expect.arrayContaining([['milestone_due_soon', 'Run 15 km'], ['milestone_due_soon', 'Design the sessions']]));
    // The viewer is on the team, not the member's personal goal.
    const forViewer = (await listInsights(acme, { userId: viewer.id })).map((i) => i.subject.name);
    expect(forViewer).toContain('Design the sessions');
    expect(forViewer).not.toContain('Run 15 km');
  });

  it('gives the demo partner a paid app, installed in acme on the operator’s say-so', async () => {
    const app = await db.marketplaceApp.findUniqueOrThrow({
      where: { slug: DEMO_PAID_APP.slug },
      select: { id: true, status: true, partner: { select: { slug: true } }, liveVersion: { select: { pricing: true, priceCurrency: true, monthlyFeeCents: true, per1000CallsCents: true, includedCalls: true } } },
    });
    expect(app).toMatchObject({ status: 'published', partner: { slug: 'northstar-labs' } });
    expect(app.liveVersion).toEqual(DEMO_PAID_APP.pricing);
    const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' }, select: { id: true } });
    expect(await db.paidAppAllowance.count({ where: { tenantId: acme.id, appId: app.id } })).toBe(1);
    const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@acme.test' }, select: { id: true } });
    const installations = await db.appInstallation.findMany({ where: { tenantId: acme.id, appId: app.id }, select: { billedVia: true, uninstalledAt: true, installedById: true } });
    expect(installations).toEqual([{ billedVia: 'operator', uninstalledAt: null, installedById: admin.id }]);
    // The free apps stay free (Pulse Sync is still a fresh install for acme).
    const pulse = await db.marketplaceApp.findUniqueOrThrow({ where: { slug: 'pulse-sync' }, select: { id: true, liveVersion: { select: { pricing: true } } } });
    expect(pulse.liveVersion?.pricing).toBe('free');
    expect(await db.appInstallation.count({ where: { tenantId: acme.id, appId: pulse.id } })).toBe(0);
  });

  it('credits the partner 80% of the app part of six monthly invoices of acme, the older ones approved', async () => {
    const app = await db.marketplaceApp.findUniqueOrThrow({ where: { slug: DEMO_PAID_APP.slug }, select: { id: true, partnerId: true } });
    const rows = await db.commission.findMany({ where: { partnerId: app.partnerId }, orderBy: { createdAt: 'asc' }, select: { appId: true, kind: true, saleCents: true, baseCents: true, rateBps: true, amountCents: true, status: true, resellerId: true } });
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row).toMatchObject({ appId: app.id, kind: 'sale', rateBps: 8000, resellerId: null });
      // The plan ($299.00) and the app's part ($49.00 fee + the calls above 10,000) make the sale.
      expect(row.saleCents - row.baseCents).toBe(29_900);
      expect(row.baseCents).toBeGreaterThanOrEqual(4900);
      expect(row.amountCents).toBe(Math.floor((row.baseCents * 8000) / 10_000));
    }
    // This month's invoice is in its holding period; the months before are out of it.
    expect(rows.at(-1)!.status).toBe('pending');
    expect(rows.slice(0, 4).every((row) => ['approved', 'paid'].includes(row.status))).toBe(true);
  });

  it('pays the partner one manual payout of the approved months, recorded with its reference', async () => {
    const partner = await db.partner.findUniqueOrThrow({ where: { slug: 'northstar-labs' }, select: { id: true } });
    const payouts = await db.payout.findMany({ where: { partnerId: partner.id }, select: { id: true, totalCents: true, status: true, method: true, reference: true, resellerId: true } });
    expect(payouts).toEqual([{ id: expect.any(String), totalCents: expect.any(Number), status: 'paid', method: 'manual', reference: 'DEMO-NORTHSTAR-0001', resellerId: null }]);
    const paid = await db.commission.findMany({ where: { payoutId: payouts[0].id }, select: { amountCents: true, status: true, partnerId: true } });
    expect(paid.length).toBeGreaterThan(0);
    expect(paid.every((row) => row.status === 'paid' && row.partnerId === partner.id)).toBe(true);
    expect(paid.reduce((sum, row) => sum + row.amountCents, 0)).toBe(payouts[0].totalCents);
    expect(payouts[0].totalCents).toBeGreaterThanOrEqual(5000);
  });

  it('leaves an open ticket from acme’s admin about the paid app, waiting for the partner', async () => {
    const tickets = await db.supportTicket.findMany({
      where: { app: { slug: DEMO_PAID_APP.slug } },
      select: { kind: true, status: true, priority: true, subject: true, firstRespondedAt: true, tenant: { select: { slug: true } }, openedBy: { select: { email: true } }, partner: { select: { slug: true } }, comments: { select: { side: true, body: true } } },
    });
    expect(tickets).toEqual([
      {
        kind: 'workspace_partner',
        status: 'open',
        priority: DEMO_TICKET.priority,
        subject: DEMO_TICKET.subject,
        firstRespondedAt: null,
        tenant: { slug: 'acme' },
        openedBy: { email: 'admin@acme.test' },
        partner: { slug: 'northstar-labs' },
        comments: [{ side: 'requester', body: DEMO_TICKET.description }],
      },
    ]);
  });

  it('installs the calendar feed in acme (it needs no provider account), and nothing else', async () => {
    const installations = await db.integrationInstallation.findMany({ select: { provider: true, uninstalledAt: true, tenant: { select: { slug: true } }, installedById: true } });
    const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@acme.test' } });
    expect(installations).toEqual([{ provider: 'calendar-feed', uninstalledAt: null, tenant: { slug: 'acme' }, installedById: admin.id }]);
  });

  it("gives acme a past: published events in time order, each seen only by who may see it, a comment and kudos", async () => {
    const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' }, select: { id: true } });
    const member = await db.user.findUniqueOrThrow({ where: { email: 'member@acme.test' } });
    // The content's history (other seeds, e.g. the paid app's install, emit events of their own).
    const events = await db.domainEvent.findMany({ where: { tenantId: acme.id, OR: ['goal.', 'habit.', 'kudos.'].map((prefix) => ({ type: { startsWith: prefix } })) }, orderBy: { seq: 'asc' } });
    expect(events.length).toBeGreaterThan(10);
    // Already published: no webhook or integration hears of fixtures.
    expect(events.filter((e) => e.publishedAt === null)).toEqual([]);
    const times = events.map((e) => e.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The member's personal goal is theirs alone; the team goal is its team's; the habit is for teammates.
    const completed = events.find((e) => e.type === 'goal.completed')!;
    expect(completed).toMatchObject({ audience: 'users', audienceUserIds: [member.id] });
    expect(events.find((e) => e.type === 'goal.commented')).toMatchObject({ audience: 'team', audienceTeamId: expect.any(String) });
    expect(events.find((e) => e.type === 'habit.streak_milestone')).toMatchObject({ audience: 'teammates', audienceUserIds: [member.id] });
    expect(await db.comment.count({ where: { tenantId: acme.id } })).toBe(1);
    expect(await db.kudos.count({ where: { tenantId: acme.id, recipientId: member.id } })).toBe(1);
    // The member's bell has something: the kudos (unread) and an older assignment (read); no email goes out for fixtures.
    const notifications = await db.notification.findMany({ where: { tenantId: acme.id, userId: member.id }, orderBy: { createdAt: 'asc' }, select: { type: true, readAt: true, emailStatus: true } });
    expect(notifications).toEqual([
      { type: 'assignment', readAt: expect.any(Date), emailStatus: 'none' },
      { type: 'kudos', readAt: null, emailStatus: 'none' },
    ]);
  });
});
