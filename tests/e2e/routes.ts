// Every page of the app, with who looks at it and a concrete URL. tests/e2e/every-route.spec.ts
// visits each one (overflow at 390 px, axe at 390 and 1440 px); tests/unit/every-route.test.ts
// fails when an app/**/page.tsx is missing here, so a new page cannot be forgotten.

/** Who visits: signed out, the platform's operator, a reseller, a partner (the demo partner's owner), or a role in the acme workspace. */
export type Visitor = 'public' | 'operator' | 'reseller' | 'partner' | 'owner' | 'admin' | 'member' | 'viewer';

/** Real ids and one-time tokens, made by the spec before it visits (see every-route.spec.ts). */
export interface RouteSamples {
  goalId: string;
  habitId: string;
  teamId: string;
  appId: string;
  clientId: string;
  /** A published marketplace app acme can install (the demo's, or one the spec makes). */
  marketplaceAppSlug: string;
  endpointId: string;
  messageId: string;
  inviteToken: string;
  tenantResetToken: string;
  rootResetToken: string;
  signupToken: string;
  resellerWelcomeToken: string;
  partnerWelcomeToken: string;
  staffInvitationToken: string;
  /** An app installed in acme (the demo's Stride Coach), a ticket acme opened about it, and one of the demo partner's to Waypoint. */
  installationId: string;
  ticketId: string;
  operatorTicketId: string;
  /** The demo partner's app in review (Focus Calendar). */
  marketplaceAppId: string;
  /** The acme workspace's id (the operator's page of it). */
  acmeId: string;
}

/** Which host a route is served on: the root domain, the acme workspace, or another workspace's host. */
export type RouteHost = 'root' | 'acme' | 'nosuch' | 'initech';

export interface RouteCase {
  /** The page file under app/ that renders it. */
  page: string;
  host: RouteHost;
  path: (samples: RouteSamples) => string;
  visitors: Visitor[];
}

const TENANT = 'app/(tenant)/t/[tenant]';
const PLATFORM = 'app/(platform)';
const PRODUCT: Visitor[] = ['owner', 'member', 'viewer'];
const ADMINS: Visitor[] = ['owner', 'admin'];

const fixed = (path: string) => () => path;

export const ROUTES: RouteCase[] = [
  // Root domain, signed out.
  { page: `${PLATFORM}/(home)/page.tsx`, host: 'root', path: fixed('/'), visitors: ['public'] },
  { page: `${PLATFORM}/signin/page.tsx`, host: 'root', path: fixed('/signin'), visitors: ['public'] },
  { page: `${PLATFORM}/signup/page.tsx`, host: 'root', path: fixed('/signup'), visitors: ['public'] },
  { page: `${PLATFORM}/signup/confirm/[token]/page.tsx`, host: 'root', path: (s) => `/signup/confirm/${s.signupToken}`, visitors: ['public'] },
  { page: `${PLATFORM}/forgot-password/page.tsx`, host: 'root', path: fixed('/forgot-password'), visitors: ['public'] },
  { page: `${PLATFORM}/reset-password/[token]/page.tsx`, host: 'root', path: (s) => `/reset-password/${s.rootResetToken}`, visitors: ['public'] },
  { page: `${PLATFORM}/dev/outbox/page.tsx`, host: 'root', path: fixed('/dev/outbox'), visitors: ['public'] },
  { page: `${PLATFORM}/dev/outbox/[messageId]/page.tsx`, host: 'root', path: (s) => `/dev/outbox/${s.messageId}`, visitors: ['public'] },
  { page: `${PLATFORM}/operator/signin/page.tsx`, host: 'root', path: fixed('/operator/signin'), visitors: ['public'] },
  { page: `${PLATFORM}/reseller/signin/page.tsx`, host: 'root', path: fixed('/reseller/signin'), visitors: ['public'] },
  { page: `${PLATFORM}/reseller/welcome/[token]/page.tsx`, host: 'root', path: (s) => `/reseller/welcome/${s.resellerWelcomeToken}`, visitors: ['public'] },
  { page: `${PLATFORM}/partner/signin/page.tsx`, host: 'root', path: fixed('/partner/signin'), visitors: ['public'] },
  { page: `${PLATFORM}/partner/welcome/[token]/page.tsx`, host: 'root', path: (s) => `/partner/welcome/${s.partnerWelcomeToken}`, visitors: ['public'] },
  { page: `${PLATFORM}/partners/apply/page.tsx`, host: 'root', path: fixed('/partners/apply'), visitors: ['public', 'partner'] },
  // Hosts that are not a servable workspace (proxy.ts rewrites to these pages).
  { page: 'app/workspace-not-found/page.tsx', host: 'nosuch', path: fixed('/'), visitors: ['public'] },
  { page: `${PLATFORM}/legal/subprocessors/page.tsx`, host: 'root', path: fixed('/legal/subprocessors'), visitors: ['public'] },
  { page: 'app/workspace-deleted/page.tsx', host: 'root', path: fixed('/workspace-deleted'), visitors: ['public'] },
  { page: 'app/workspace-suspended/page.tsx', host: 'initech', path: fixed('/'), visitors: ['public'] },

  // The operator console.
  { page: `${PLATFORM}/operator/(workspaces)/page.tsx`, host: 'root', path: fixed('/operator'), visitors: ['operator'] },
  { page: `${PLATFORM}/operator/analytics/page.tsx`, host: 'root', path: fixed('/operator/analytics'), visitors: ['operator'] },
  { page: `${PLATFORM}/operator/tenants/[tenantId]/page.tsx`, host: 'root', path: (s) => `/operator/tenants/${s.acmeId}`, visitors: ['operator'] },
  { page: `${PLATFORM}/operator/privacy/page.tsx`, host: 'root', path: fixed('/operator/privacy'), visitors: ['operator'] },
  { page: `${PLATFORM}/operator/staff/page.tsx`, host: 'root', path: fixed('/operator/staff'), visitors: ['operator'] },
  { page: `${PLATFORM}/operator/account/security/page.tsx`, host: 'root', path: fixed('/operator/account/security'), visitors: ['operator'] },
  { page: `${PLATFORM}/operator/join/[token]/page.tsx`, host: 'root', path: (s) => `/operator/join/${s.staffInvitationToken}`, visitors: ['public'] },
  { page: `${PLATFORM}/operator/resellers/page.tsx`, host: 'root', path: fixed('/operator/resellers'), visitors: ['operator'] },
  { page: `${PLATFORM}/operator/reviews/page.tsx`, host: 'root', path: fixed('/operator/reviews?filter=all'), visitors: ['operator'] },
  { page: `${PLATFORM}/operator/partners/page.tsx`, host: 'root', path: fixed('/operator/partners'), visitors: ['operator'] },
  { page: `${PLATFORM}/operator/apps/page.tsx`, host: 'root', path: fixed('/operator/apps'), visitors: ['operator'] },
  { page: `${PLATFORM}/operator/apps/[appId]/page.tsx`, host: 'root', path: (s) => `/operator/apps/${s.marketplaceAppId}`, visitors: ['operator'] },
  { page: `${PLATFORM}/operator/support/page.tsx`, host: 'root', path: fixed('/operator/support'), visitors: ['operator'] },
  { page: `${PLATFORM}/operator/support/[ticketId]/page.tsx`, host: 'root', path: (s) => `/operator/support/${s.operatorTicketId}`, visitors: ['operator'] },
  { page: `${PLATFORM}/operator/audit/page.tsx`, host: 'root', path: fixed('/operator/audit'), visitors: ['operator'] },
  { page: `${PLATFORM}/operator/payouts/page.tsx`, host: 'root', path: fixed('/operator/payouts'), visitors: ['operator'] },

  // The partner portal (the demo partner's owner).
  { page: `${PLATFORM}/partner/(portal)/page.tsx`, host: 'root', path: fixed('/partner'), visitors: ['partner'] },
  { page: `${PLATFORM}/partner/(portal)/profile/page.tsx`, host: 'root', path: fixed('/partner/profile'), visitors: ['partner'] },
  { page: `${PLATFORM}/partner/(portal)/team/page.tsx`, host: 'root', path: fixed('/partner/team'), visitors: ['partner'] },
  { page: `${PLATFORM}/partner/(portal)/agreement/page.tsx`, host: 'root', path: fixed('/partner/agreement'), visitors: ['partner'] },
  { page: `${PLATFORM}/partner/(portal)/payouts/page.tsx`, host: 'root', path: fixed('/partner/payouts'), visitors: ['partner'] },
  { page: `${PLATFORM}/partner/(portal)/payouts/[month]/page.tsx`, host: 'root', path: () => `/partner/payouts/${new Date().toISOString().slice(0, 7)}`, visitors: ['partner'] },
  { page: `${PLATFORM}/partner/(portal)/support/page.tsx`, host: 'root', path: fixed('/partner/support'), visitors: ['partner'] },
  { page: `${PLATFORM}/partner/(portal)/support/new/page.tsx`, host: 'root', path: fixed('/partner/support/new'), visitors: ['partner'] },
  { page: `${PLATFORM}/partner/(portal)/support/[ticketId]/page.tsx`, host: 'root', path: (s) => `/partner/support/${s.ticketId}`, visitors: ['partner'] },
  { page: `${PLATFORM}/partner/(portal)/apps/page.tsx`, host: 'root', path: fixed('/partner/apps'), visitors: ['partner'] },
  { page: `${PLATFORM}/partner/(portal)/apps/new/page.tsx`, host: 'root', path: fixed('/partner/apps/new'), visitors: ['partner'] },
  { page: `${PLATFORM}/partner/(portal)/apps/[appId]/page.tsx`, host: 'root', path: (s) => `/partner/apps/${s.marketplaceAppId}`, visitors: ['partner'] },
  { page: `${PLATFORM}/partner/(portal)/apps/[appId]/reviews/page.tsx`, host: 'root', path: (s) => `/partner/apps/${s.marketplaceAppId}/reviews`, visitors: ['partner'] },
  { page: `${PLATFORM}/partner/(portal)/apps/[appId]/analytics/page.tsx`, host: 'root', path: (s) => `/partner/apps/${s.marketplaceAppId}/analytics`, visitors: ['partner'] },

  // The reseller dashboard.
  { page: `${PLATFORM}/reseller/(dashboard)/page.tsx`, host: 'root', path: fixed('/reseller'), visitors: ['reseller'] },
  { page: `${PLATFORM}/reseller/(dashboard)/clients/page.tsx`, host: 'root', path: fixed('/reseller/clients'), visitors: ['reseller'] },
  { page: `${PLATFORM}/reseller/(dashboard)/prices/page.tsx`, host: 'root', path: fixed('/reseller/prices'), visitors: ['reseller'] },
  { page: `${PLATFORM}/reseller/(dashboard)/network/page.tsx`, host: 'root', path: fixed('/reseller/network'), visitors: ['reseller'] },
  { page: `${PLATFORM}/reseller/(dashboard)/payouts/page.tsx`, host: 'root', path: fixed('/reseller/payouts'), visitors: ['reseller'] },
  { page: `${PLATFORM}/reseller/(dashboard)/settings/page.tsx`, host: 'root', path: fixed('/reseller/settings'), visitors: ['reseller'] },

  // A workspace, signed out.
  { page: `${TENANT}/signin/page.tsx`, host: 'acme', path: fixed('/signin'), visitors: ['public'] },
  { page: `${TENANT}/forgot-password/page.tsx`, host: 'acme', path: fixed('/forgot-password'), visitors: ['public'] },
  { page: `${TENANT}/reset-password/[token]/page.tsx`, host: 'acme', path: (s) => `/reset-password/${s.tenantResetToken}`, visitors: ['public'] },
  { page: `${TENANT}/invite/[token]/page.tsx`, host: 'acme', path: (s) => `/invite/${s.inviteToken}`, visitors: ['public'] },
  // An expired or forged hand-off token: the page says so (a real one signs in and moves on).
  { page: `${TENANT}/auth/handoff/page.tsx`, host: 'acme', path: fixed('/auth/handoff?token=expired-or-unknown-token-000000'), visitors: ['public'] },
  { page: `${TENANT}/settings/support-access/page.tsx`, host: 'acme', path: fixed('/settings/support-access'), visitors: ADMINS },
  { page: `${TENANT}/auth/impersonate/page.tsx`, host: 'acme', path: fixed('/auth/impersonate?token=expired-or-unknown-token-000000'), visitors: ['public'] },
  { page: `${TENANT}/[...rest]/page.tsx`, host: 'acme', path: fixed('/no-such-page'), visitors: ['public', 'member'] },

  // A workspace, signed in: what every role uses.
  { page: `${TENANT}/(home)/page.tsx`, host: 'acme', path: fixed('/'), visitors: ['owner', 'admin', 'member', 'viewer'] },
  { page: `${TENANT}/account/page.tsx`, host: 'acme', path: fixed('/account'), visitors: PRODUCT },
  { page: `${TENANT}/account/security/page.tsx`, host: 'acme', path: fixed('/account/security'), visitors: ['owner', 'member'] },
  { page: `${TENANT}/account/notifications/page.tsx`, host: 'acme', path: fixed('/account/notifications'), visitors: ['owner', 'member'] },
  { page: `${TENANT}/account/privacy/page.tsx`, host: 'acme', path: fixed('/account/privacy'), visitors: ['owner', 'member'] },
  { page: `${TENANT}/notifications/page.tsx`, host: 'acme', path: fixed('/notifications'), visitors: ['owner', 'member', 'viewer'] },
  // Reached from an email's unsubscribe link; a link that is not valid shows how to change emails instead.
  { page: `${TENANT}/unsubscribe/page.tsx`, host: 'acme', path: fixed('/unsubscribe?u=x&s=all&t=not-a-token'), visitors: ['public'] },
  { page: `${TENANT}/goals/page.tsx`, host: 'acme', path: fixed('/goals'), visitors: PRODUCT },
  { page: `${TENANT}/goals/[goalId]/page.tsx`, host: 'acme', path: (s) => `/goals/${s.goalId}`, visitors: PRODUCT },
  // Habits are personal: the demo's belong to the member.
  { page: `${TENANT}/habits/page.tsx`, host: 'acme', path: fixed('/habits'), visitors: PRODUCT },
  { page: `${TENANT}/habits/[habitId]/page.tsx`, host: 'acme', path: (s) => `/habits/${s.habitId}`, visitors: ['member'] },
  { page: `${TENANT}/teams/page.tsx`, host: 'acme', path: fixed('/teams'), visitors: PRODUCT },
  { page: `${TENANT}/teams/[teamId]/page.tsx`, host: 'acme', path: (s) => `/teams/${s.teamId}`, visitors: PRODUCT },
  { page: `${TENANT}/coach/page.tsx`, host: 'acme', path: fixed('/coach'), visitors: PRODUCT },
  { page: `${TENANT}/leaderboards/page.tsx`, host: 'acme', path: fixed('/leaderboards'), visitors: PRODUCT },
  // Activity: the workspace's feed, and a member's page (me: one's own).
  { page: `${TENANT}/activity/page.tsx`, host: 'acme', path: fixed('/activity'), visitors: PRODUCT },
  { page: `${TENANT}/members/[userId]/page.tsx`, host: 'acme', path: fixed('/members/me'), visitors: PRODUCT },
  // The marketplace: every member browses; admins install (the demo's published app).
  { page: `${TENANT}/apps/page.tsx`, host: 'acme', path: fixed('/apps'), visitors: ['admin', 'member'] },
  { page: `${TENANT}/apps/[slug]/page.tsx`, host: 'acme', path: (s) => `/apps/${s.marketplaceAppSlug}`, visitors: ['admin', 'member'] },
  { page: `${TENANT}/apps/[slug]/install/page.tsx`, host: 'acme', path: (s) => `/apps/${s.marketplaceAppSlug}/install`, visitors: ['admin'] },
  // Built-in integrations: every member sees them; admins install (Google is configured in e2e).
  { page: `${TENANT}/integrations/page.tsx`, host: 'acme', path: fixed('/integrations'), visitors: ['admin', 'member'] },
  { page: `${TENANT}/integrations/[id]/page.tsx`, host: 'acme', path: fixed('/integrations/google-calendar'), visitors: ['admin', 'member'] },
  {
    page: `${TENANT}/oauth/authorize/page.tsx`,
    host: 'acme',
    path: (s) =>
      `/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: s.clientId, redirect_uri: 'https://app.example.com/callback', scope: 'read:goals', state: 'every-route', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' })}`,
    visitors: ['member'],
  },

  // Developers.
  { page: `${TENANT}/developers/(overview)/page.tsx`, host: 'acme', path: fixed('/developers'), visitors: ['owner', 'member'] },
  { page: `${TENANT}/developers/docs/page.tsx`, host: 'acme', path: fixed('/developers/docs'), visitors: ['owner'] },
  { page: `${TENANT}/developers/docs/api/[resource]/page.tsx`, host: 'acme', path: fixed('/developers/docs/api/goals'), visitors: ['owner'] },
  { page: `${TENANT}/developers/docs/oauth/page.tsx`, host: 'acme', path: fixed('/developers/docs/oauth'), visitors: ['owner'] },
  { page: `${TENANT}/developers/docs/webhook-events/page.tsx`, host: 'acme', path: fixed('/developers/docs/webhook-events'), visitors: ['owner'] },
  { page: `${TENANT}/developers/docs/errors/page.tsx`, host: 'acme', path: fixed('/developers/docs/errors'), visitors: ['owner'] },
  { page: `${TENANT}/developers/keys/page.tsx`, host: 'acme', path: fixed('/developers/keys'), visitors: ['owner'] },
  { page: `${TENANT}/developers/apps/page.tsx`, host: 'acme', path: fixed('/developers/apps'), visitors: ['owner'] },
  { page: `${TENANT}/developers/apps/[appId]/page.tsx`, host: 'acme', path: (s) => `/developers/apps/${s.appId}`, visitors: ['owner'] },
  { page: `${TENANT}/developers/webhooks/page.tsx`, host: 'acme', path: fixed('/developers/webhooks'), visitors: ['owner'] },
  { page: `${TENANT}/developers/webhooks/[endpointId]/page.tsx`, host: 'acme', path: (s) => `/developers/webhooks/${s.endpointId}`, visitors: ['owner'] },

  // Settings: owners and admins; a member or viewer gets the "not allowed" answer.
  { page: `${TENANT}/settings/page.tsx`, host: 'acme', path: fixed('/settings'), visitors: ['owner', 'admin', 'member', 'viewer'] },
  { page: `${TENANT}/settings/branding/page.tsx`, host: 'acme', path: fixed('/settings/branding'), visitors: ['owner'] },
  { page: `${TENANT}/settings/domains/page.tsx`, host: 'acme', path: fixed('/settings/domains'), visitors: ['owner'] },
  { page: `${TENANT}/settings/members/page.tsx`, host: 'acme', path: fixed('/settings/members'), visitors: ADMINS },
  { page: `${TENANT}/settings/audit/page.tsx`, host: 'acme', path: fixed('/settings/audit'), visitors: ADMINS },
  { page: `${TENANT}/settings/billing/page.tsx`, host: 'acme', path: fixed('/settings/billing'), visitors: ['owner'] },
  { page: `${TENANT}/settings/data/page.tsx`, host: 'acme', path: fixed('/settings/data'), visitors: ['owner'] },
  { page: `${TENANT}/settings/sso/page.tsx`, host: 'acme', path: fixed('/settings/sso'), visitors: ['owner'] },
  { page: `${TENANT}/settings/directory/page.tsx`, host: 'acme', path: fixed('/settings/directory'), visitors: ['owner'] },
  { page: `${TENANT}/settings/authorized-apps/page.tsx`, host: 'acme', path: fixed('/settings/authorized-apps'), visitors: ['owner'] },
  { page: `${TENANT}/settings/installed-apps/page.tsx`, host: 'acme', path: fixed('/settings/installed-apps'), visitors: ADMINS },
  { page: `${TENANT}/settings/installed-apps/[installationId]/support/page.tsx`, host: 'acme', path: (s) => `/settings/installed-apps/${s.installationId}/support`, visitors: ADMINS },
  { page: `${TENANT}/settings/support/page.tsx`, host: 'acme', path: fixed('/settings/support'), visitors: ADMINS },
  { page: `${TENANT}/settings/support/[ticketId]/page.tsx`, host: 'acme', path: (s) => `/settings/support/${s.ticketId}`, visitors: ADMINS },
  { page: `${TENANT}/settings/marketplace/page.tsx`, host: 'acme', path: fixed('/settings/marketplace'), visitors: ['admin'] },
  { page: `${TENANT}/settings/coach/page.tsx`, host: 'acme', path: fixed('/settings/coach'), visitors: ['admin'] },
];
