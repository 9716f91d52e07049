import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { hashToken } from '../../lib/auth/login-token.ts';
import { db } from '../../lib/db/client.ts';
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
import { createMarketplaceApp } from '../support/marketplace.ts';
import { waitForHydration } from './fixtures.ts';
import type { RouteHost, RouteSamples, Visitor } from './routes.ts';
import { DEMO_PASSWORD, ROOT, signInAsOperator, signupToken, tenantUrl } from './support.ts';

// What the every-page specs share (every-route.spec.ts in English, arabic-pages.spec.ts in
// Arabic): sample ids and tokens for the routes' paths, a signed-in browser per visitor, and
// the check that nothing sticks out sideways.

export const PHONE = { width: 390, height: 844 };

export function hostUrl(host: RouteHost, path: string): string {
  return host === 'root' ? `${ROOT}${path}` : tenantUrl(host, path);
}

// Sample ids and tokens, made once per worker. What the spec adds to acme (an OAuth app, a
// switched-off webhook endpoint, an invitation) is removed afterwards.
let samples: Promise<RouteSamples> | undefined;
const cleanups: (() => Promise<unknown>)[] = [];

/** This worker's samples, made on first use. */
export function routeSamples(): Promise<RouteSamples> {
  samples ??= makeSamples();
  return samples;
}

/** Removes what the samples added (a spec's afterAll). */
export async function cleanUpSamples(): Promise<void> {
  if (samples) await samples.catch(() => undefined);
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup().catch(() => undefined)));
}

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

// One signed-in browser state per visitor per worker.
const signedIn = new Map<string, Promise<Awaited<ReturnType<BrowserContext['storageState']>>>>();

/** The browser's settings for a pass: its language (Accept-Language) with `locale`. */
export type BrowserOptions = { locale?: string };

/** Who signs in as a tenant visitor (owner, admin, …): the demo's people by default. */
export type TenantPersona = (visitor: Visitor) => string;

// Sign-in forms are filled in English (the default browser): the session is the same whatever
// language the pages are then read in.
async function signInAs(browser: Browser, visitor: Visitor, persona: TenantPersona) {
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
  else if (visitor !== 'public') await form(tenantUrl('acme', '/signin'), persona(visitor), tenantUrl('acme', '/'));
  const state = await context.storageState();
  await context.close();
  return state;
}

/** A browser context signed in as the visitor (once per worker and persona). */
export async function contextFor(browser: Browser, visitor: Visitor, persona: TenantPersona = (v) => `${v}@acme.test`, options: BrowserOptions = {}): Promise<BrowserContext> {
  if (visitor === 'public') return browser.newContext({ viewport: PHONE, ...options });
  const key = `${visitor} ${persona(visitor)}`;
  if (!signedIn.has(key)) signedIn.set(key, signInAs(browser, visitor, persona));
  const context = await browser.newContext({ viewport: PHONE, ...options, storageState: await signedIn.get(key)! });
  // The live stream never finishes loading, so the network would never go idle: refused here
  // (the page falls back to short polls), and tested in live.spec.ts.
  await context.route(/\/api\/app\/live(\?|$)/, (route) => route.abort());
  return context;
}

/**
 * What sticks out past the viewport's edge (outside any box that scrolls on its own): the right
 * edge, or in a right-to-left page the left one too.
 */
export async function overflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= window.innerWidth) return null;
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const classes = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 4).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
      const rect = el.getBoundingClientRect();
      return `${el.tagName.toLowerCase()}${id}${classes} (left ${Math.round(rect.left)}, right ${Math.round(rect.right)} px)${text ? ` "${text}"` : ''}`;
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
      const out = (box: DOMRect) => box.right > window.innerWidth + 0.5 || box.left < -0.5;
      if (rect.width === 0 || !out(rect) || scrollsOnItsOwn(el)) return false;
      // The outermost element that sticks out: its parent fits.
      const parent = el.parentElement;
      return !parent || parent === document.body || !out(parent.getBoundingClientRect());
    });
    // Nothing outside a scrolling box sticks out: name the widest elements anywhere instead.
    const widest = offenders.length ? offenders : [...document.body.querySelectorAll('*')].sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right).slice(0, 3);
    return `scrollWidth ${root.scrollWidth} > innerWidth ${window.innerWidth}: ${widest.slice(0, 5).map(describe).join('; ')}`;
  });
}
