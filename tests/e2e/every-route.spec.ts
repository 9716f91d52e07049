import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { hashToken } from '../../lib/auth/login-token.ts';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { backgroundTasksSettled } from '../../lib/http/after-response.ts';
import { logHabit } from '../../lib/habits/habit-logs.ts';
import { createHabit } from '../../lib/habits/habits.ts';
import { createOAuthApp } from '../../lib/oauth/apps.ts';
import { partnerActorFor } from '../../lib/partners/partner-actor.ts';
import { issuePartnerInvitation } from '../../lib/partners/partner-users.ts';
import { grantResellerAccess } from '../../lib/resellers/reseller-users.ts';
import { startSignup } from '../../lib/signup/sign-up.ts';
import { openOperatorTicket, openWorkspaceTicket } from '../../lib/support/tickets.ts';
import { loadTenantById } from '../../lib/tenancy/load-tenant.ts';
import { createEndpoint } from '../../lib/webhooks/endpoints.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { ROUTES, type RouteCase, type RouteHost, type RouteSamples, type Visitor } from './routes.ts';
import { DEMO_PASSWORD, ROOT, signupToken, tenantUrl, signInAsOperator } from './support.ts';
import { createMarketplaceApp } from '../support/marketplace.ts';

// Every page (tests/e2e/routes.ts, kept equal to app/**/page.tsx by tests/unit/every-route.test.ts),
// as each visitor who uses it: at 390×844 nothing scrolls sideways
// (document scrollWidth <= innerWidth), and axe finds no serious or critical violation at
// 390×844 or at 1440×900. Each visitor signs in once per worker; its routes run in chunks so
// the two workers share the load. Failures are collected and reported together, with the
// elements that stick out and the axe rule ids and targets.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const CHUNK = 9;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

function hostUrl(host: RouteHost, path: string): string {
  return host === 'root' ? `${ROOT}${path}` : tenantUrl(host, path);
}

// Sample ids and tokens, made once per worker. What the spec adds to acme (an OAuth app, a
// switched-off webhook endpoint, an invitation) is removed afterwards.
let samples: Promise<RouteSamples> | undefined;
const cleanups: (() => Promise<unknown>)[] = [];

async function makeSamples(): Promise<RouteSamples> {
  const id = randomBytes(4).toString('hex');
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' }, select: { id: true } });
  const tenant = (await loadTenantById(acme.id))!;
  const ownerMembership = await db.membership.findFirstOrThrow({ where: { tenantId: acme.id, user: { email: 'owner@acme.test' } }, select: { id: true, role: true, user: { select: { id: true, email: true, name: true } } } });
  const owner = { userId: ownerMembership.user.id, email: ownerMembership.user.email, name: ownerMembership.user.name, role: ownerMembership.role, membershipId: ownerMembership.id };
  const memberMembership = await db.membership.findFirstOrThrow({ where: { tenantId: acme.id, user: { email: 'member@acme.test' } }, select: { id: true, role: true, user: { select: { id: true, email: true, name: true } } } });
  const member = { id: memberMembership.user.id };
  // The member's dashboard shows a habit in each state (logged today and not), whatever ran before.
  const memberActor = { userId: member.id, email: memberMembership.user.email, name: memberMembership.user.name, role: memberMembership.role, membershipId: memberMembership.id };
  const loggedToday = await createHabit(tenant, memberActor, { name: `Every route logged ${id}`, description: null, schedule: 'daily', scheduleDays: [], timesPerWeek: null });
  cleanups.push(() => db.habit.delete({ where: { id: loggedToday.id } }));
  await logHabit(tenant, memberActor, loggedToday.id, { note: null });
  const operator = await db.user.findUniqueOrThrow({ where: { email: 'operator@waypoint.test' }, select: { id: true } });

  const goal = await db.goal.findFirstOrThrow({ where: { tenantId: acme.id, title: 'Launch the spring program' }, select: { id: true } });
  const habit = await db.habit.findFirstOrThrow({ where: { tenantId: acme.id, userId: member.id }, select: { id: true } });
  const team = await db.team.findFirstOrThrow({ where: { tenantId: acme.id, name: 'Coaches' }, select: { id: true } });

  const { app } = await createOAuthApp(tenant, owner, { name: `Every route ${id}`, redirectUris: ['https://app.example.com/callback'], clientType: 'public', allowedScopes: ['read:goals'] });
  cleanups.push(() => db.oAuthApp.delete({ where: { id: app.id } }));
  const { endpoint } = await createEndpoint(tenant, owner, { url: 'https://93.184.216.34/hooks/every-route', description: `Every route ${id}` });
  // Switched off, so the other tests' events are never queued for an address nobody answers.
  await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false } });
  cleanups.push(() => db.webhookEndpoint.delete({ where: { id: endpoint.id } }));

  const token = () => randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + 3_600_000);
  const inviteToken = token();
  const invitation = await db.invitation.create({ data: { tenantId: acme.id, email: `every-route-${id}@example.test`, role: 'member', tokenHash: hashToken(inviteToken), invitedById: owner.userId, expiresAt }, select: { id: true } });
  cleanups.push(() => db.invitation.delete({ where: { id: invitation.id } }));
  const tenantResetToken = token();
  await db.passwordReset.create({ data: { userId: member.id, tenantId: acme.id, tokenHash: hashToken(tenantResetToken), expiresAt } });
  const rootResetToken = token();
  await db.passwordReset.create({ data: { userId: operator.id, tenantId: null, tokenHash: hashToken(rootResetToken), expiresAt } });

  const signupEmail = `every-route-${id}@example.test`;
  await startSignup({ name: 'Route Person', email: signupEmail, password: DEMO_PASSWORD, workspaceName: `Routes ${id}`, slug: `routes-${id}` }, null);
  await backgroundTasksSettled();
  const signupMessage = await db.emailMessage.findFirstOrThrow({ where: { to: signupEmail, kind: 'signup' }, orderBy: { createdAt: 'desc' }, select: { id: true, text: true } });

  const summit = await db.reseller.findFirstOrThrow({ where: { users: { some: { user: { email: 'reseller@waypoint.test' } } } }, select: { id: true, name: true } });
  const welcome = await grantResellerAccess(db, summit, { email: `every-route-${id}@example.test`, role: 'member' });
  const northstar = await db.partner.findFirstOrThrow({ where: { users: { some: { user: { email: 'partner@waypoint.test' } } } }, select: { id: true } });
  const partnerWelcome = await db.$transaction((tx) => issuePartnerInvitation(tx, northstar.id, 'developer', `every-route-${id}@example.test`));

  // The demo's free app (its install page is a fresh consent; the paid Stride Coach is installed in acme already).
  const listed =
    (await db.marketplaceApp.findFirst({ where: { slug: 'pulse-sync', status: 'published', liveVersionId: { not: null } }, select: { slug: true } })) ??
    (await db.marketplaceApp.findFirst({ where: { status: 'published', liveVersionId: { not: null } }, orderBy: { publishedAt: 'asc' }, select: { slug: true } }));
  let marketplaceAppSlug = listed?.slug;
  if (!marketplaceAppSlug) {
    const sandbox = await db.tenant.findUniqueOrThrow({ where: { sandboxOfPartnerId: northstar.id }, select: { id: true } });
    const made = await createMarketplaceApp({ partner: { id: northstar.id, name: 'Northstar Labs', sandbox: (await loadTenantById(sandbox.id))! }, name: `Every route app ${id}` });
    cleanups.push(async () => {
      await db.marketplaceApp.delete({ where: { id: made.id } });
      await db.oAuthApp.delete({ where: { id: made.oauthAppId } });
    });
    marketplaceAppSlug = made.slug;
  }

  // Support: a ticket from acme about an app installed there (the demo's Stride Coach), and one from the demo partner to Waypoint.
  const installation = await db.appInstallation.findFirstOrThrow({ where: { tenantId: acme.id, uninstalledAt: null, app: { partnerId: northstar.id } }, orderBy: { installedAt: 'asc' }, select: { id: true } });
  const ticket = await openWorkspaceTicket(tenant, owner, installation.id, { subject: `Every route ticket ${id}`, description: 'Sample for every-route.', priority: 'normal' });
  const partnerOwner = (await partnerActorFor((await db.user.findUniqueOrThrow({ where: { email: 'partner@waypoint.test' }, select: { id: true } })).id))!;
  const operatorTicket = await openOperatorTicket(partnerOwner, { subject: `Every route question ${id}`, description: 'Sample for every-route.', priority: 'low' });
  cleanups.push(() => db.supportTicket.deleteMany({ where: { id: { in: [ticket.id, operatorTicket.id] } } }));

  // A pending invitation to the platform's staff (its token only ever exists in the email).
  const staffInvitationToken = randomBytes(32).toString('base64url');
  const staffInvitation = await db.staffInvitation.create({ data: { email: `staff-${id}@example.test`, role: 'read_only', tokenHash: hashToken(staffInvitationToken), expiresAt: new Date(Date.now() + 86_400_000) } });
  cleanups.push(() => db.staffInvitation.delete({ where: { id: staffInvitation.id } }));

  return {
    installationId: installation.id,
    ticketId: ticket.id,
    operatorTicketId: operatorTicket.id,
    goalId: goal.id,
    habitId: habit.id,
    teamId: team.id,
    appId: app.id,
    clientId: app.clientId,
    marketplaceAppSlug,
    endpointId: endpoint.id,
    messageId: signupMessage.id,
    inviteToken,
    tenantResetToken,
    rootResetToken,
    signupToken: signupToken(signupMessage.text),
    resellerWelcomeToken: welcome.token!,
    partnerWelcomeToken: partnerWelcome.token,
    staffInvitationToken,
    acmeId: acme.id,
    marketplaceAppId: (await db.marketplaceApp.findUniqueOrThrow({ where: { slug: 'focus-calendar' }, select: { id: true } })).id,
  };
}

test.afterAll(async () => {
  if (samples) await samples.catch(() => undefined);
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup().catch(() => undefined)));
  await disconnectDb();
});

// One signed-in browser state per visitor per worker.
const signedIn = new Map<Visitor, Promise<Awaited<ReturnType<BrowserContext['storageState']>>>>();

async function signInAs(browser: Browser, visitor: Visitor) {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const form = async (url: string, email: string, landing: string) => {
    await page.goto(url);
    await waitForHydration(page);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(landing, { timeout: 30_000 });
  };
  if (visitor === 'operator') await signInAsOperator(page, { landing: '**/operator' });
  else if (visitor === 'reseller') await form(`${ROOT}/reseller/signin`, 'reseller@waypoint.test', '**/reseller');
  else if (visitor === 'partner') await form(`${ROOT}/partner/signin`, 'partner@waypoint.test', '**/partner');
  else if (visitor !== 'public') await form(tenantUrl('acme', '/signin'), `${visitor}@acme.test`, tenantUrl('acme', '/'));
  const state = await context.storageState();
  await context.close();
  return state;
}

async function contextFor(browser: Browser, visitor: Visitor): Promise<BrowserContext> {
  if (visitor === 'public') return browser.newContext({ viewport: PHONE });
  if (!signedIn.has(visitor)) signedIn.set(visitor, signInAs(browser, visitor));
  const context = await browser.newContext({ viewport: PHONE, storageState: await signedIn.get(visitor)! });
  // The live stream never finishes loading, so the network would never go idle: refused here
  // (the page falls back to short polls), and tested in live.spec.ts.
  await context.route(/\/api\/app\/live(\?|$)/, (route) => route.abort());
  return context;
}

/** What sticks out past the viewport's right edge (outside any box that scrolls on its own). */
async function overflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= window.innerWidth) return null;
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const classes = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 4).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
      return `${el.tagName.toLowerCase()}${id}${classes} (right ${Math.round(el.getBoundingClientRect().right)} px)${text ? ` "${text}"` : ''}`;
    };
    const scrollsOnItsOwn = (el: Element) => {
      for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.overflowX !== 'visible' && style.overflowX !== 'clip') return true;
      }
      return false;
    };
    const offenders = [...document.body.querySelectorAll('*')].filter((el) => {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= window.innerWidth + 0.5 || scrollsOnItsOwn(el)) return false;
      // The outermost element that sticks out: its parent fits.
      const parent = el.parentElement;
      return !parent || parent === document.body || parent.getBoundingClientRect().right <= window.innerWidth + 0.5;
    });
    // Nothing outside a scrolling box sticks out: name the widest elements anywhere instead.
    const widest = offenders.length ? offenders : [...document.body.querySelectorAll('*')].sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right).slice(0, 3);
    return `scrollWidth ${root.scrollWidth} > innerWidth ${window.innerWidth}: ${widest.slice(0, 5).map(describe).join('; ')}`;
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  // The outbox's email preview is left out: it frames an email's own HTML in a sandbox without
  // scripts, where axe cannot run (it waits forever).
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).exclude('iframe[title="Email preview"]').analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 6).join(', ')}${violation.nodes.length > 6 ? ` …+${violation.nodes.length - 6}` : ''}`);
}

/** Every failure on one route as a line each; none when it passes. */
async function checkRoute(page: Page, route: RouteCase, visitor: Visitor, sample: RouteSamples): Promise<string[]> {
  const url = hostUrl(route.host, route.path(sample));
  const label = `${visitor} ${route.host === 'root' ? '' : `${route.host}:`}${route.path(sample).slice(0, 60)}`;
  await page.setViewportSize(PHONE);
  const response = await page.goto(url);
  if (response?.headers()['content-type']?.includes('text/html')) await waitForHydration(page);
  // Client components that fetch on mount: let them settle (bounded; the live stream is refused above).
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  const failures: string[] = [];
  const status = response?.status() ?? 0;
  if (status >= 500) failures.push(`${label}: HTTP ${status}`);
  if (visitor !== 'public' && /\/(operator\/|reseller\/|partner\/)?signin/.test(new URL(page.url()).pathname)) failures.push(`${label}: sent to sign-in (${page.url()})`);
  const wide = await overflow(page);
  if (wide) failures.push(`${label} at 390 px: ${wide}`);
  for (const line of await seriousViolations(page)) failures.push(`${label} axe at 390 px: ${line}`);
  await page.setViewportSize(DESKTOP);
  for (const line of await seriousViolations(page)) failures.push(`${label} axe at 1440 px: ${line}`);
  return failures;
}

const VISITORS: Visitor[] = ['public', 'operator', 'reseller', 'partner', 'owner', 'admin', 'member', 'viewer'];

for (const visitor of VISITORS) {
  const routes = ROUTES.filter((route) => route.visitors.includes(visitor));
  for (let start = 0; start < routes.length; start += CHUNK) {
    const chunk = routes.slice(start, start + CHUNK);
    test(`as ${visitor}: ${chunk.length} pages fit 390 px and pass axe at 390 and 1440 px (${start + 1}–${start + chunk.length} of ${routes.length})`, async ({ browser }) => {
      test.setTimeout(240_000);
      samples ??= makeSamples();
      const sample = await samples;
      const context = await contextFor(browser, visitor);
      const page = await context.newPage();
      const failures: string[] = [];
      try {
        for (const route of chunk) failures.push(...(await checkRoute(page, route, visitor, sample)));
      } finally {
        await context.close();
      }
      expect(failures, `\n${failures.join('\n')}\n`).toEqual([]);
    });
  }
}
