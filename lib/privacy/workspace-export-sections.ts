import type { Prisma } from '../db/client.ts';

// What an owner's export of the whole workspace holds: one section per kind of record, each
// read a page at a time (ids ascending, after the last id of the previous page) so that a big
// workspace never comes back in one query. Secrets (hashes, tokens, ciphertext) are dropped by
// `exportable` (lib/privacy/export-sections.ts) and tested for in
// tests/integration/privacy-workspace-export.test.ts, which also checks that every table that
// belongs to a workspace is either here or in WORKSPACE_NOT_EXPORTED with its reason.

type Tx = Prisma.TransactionClient;
type Rows = Promise<Record<string, unknown>[]>;

export interface WorkspaceSection {
  /** The file name in the ZIP (without .json / .csv). */
  name: string;
  /** The tables it reads (PostgreSQL names, as Prisma models are named). */
  tables: string[];
  /** Up to `take` rows after the row whose id is `after` (ids ascending); fewer: the last page. */
  page(tx: Tx, tenantId: string, after: string | undefined, take: number): Rows;
}

/** A page of a workspace's rows in one table, by id. */
const keyset = (tenantId: string, after: string | undefined, take: number) => ({ where: { tenantId, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: 'asc' as const }, take });

/** A section of at most one row per workspace (its settings): read on the first page only. */
const single = (read: (tx: Tx, tenantId: string) => Promise<Record<string, unknown> | null>): WorkspaceSection['page'] => async (tx, tenantId, after) => {
  if (after !== undefined) return [];
  const row = await read(tx, tenantId);
  return row ? [row] : [];
};

const PERSON = { select: { id: true, email: true, name: true } } as const;

export const WORKSPACE_SECTIONS: WorkspaceSection[] = [
  {
    name: 'workspace',
    tables: ['Tenant', 'Branding', 'SsoConfig'],
    page: single(async (tx, tenantId) => {
      const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, include: { branding: true } });
      const sso = await tx.ssoConfig.findUnique({ where: { tenantId } });
      return { ...tenant, ssoRoleMapping: sso };
    }),
  },
  { name: 'domains', tables: ['Domain'], page: (tx, t, after, take) => tx.domain.findMany(keyset(t, after, take)) },
  {
    name: 'members',
    tables: ['Membership'],
    page: async (tx, t, after, take) => {
      const rows = await tx.membership.findMany({ ...keyset(t, after, take), include: { user: PERSON } });
      const seats = await tx.teamMember.findMany({ where: { tenantId: t, userId: { in: rows.map((row) => row.userId) } }, select: { userId: true, role: true, team: { select: { id: true, name: true } } } });
      return rows.map((row) => ({ ...row, teams: seats.filter((seat) => seat.userId === row.userId).map((seat) => ({ id: seat.team.id, name: seat.team.name, role: seat.role })) }));
    },
  },
  { name: 'invitations', tables: ['Invitation'], page: (tx, t, after, take) => tx.invitation.findMany(keyset(t, after, take)) },
  { name: 'teams', tables: ['Team'], page: (tx, t, after, take) => tx.team.findMany(keyset(t, after, take)) },
  { name: 'team_members', tables: ['TeamMember'], page: (tx, t, after, take) => tx.teamMember.findMany({ ...keyset(t, after, take), include: { team: { select: { name: true } }, user: PERSON } }) },
  { name: 'team_join_requests', tables: ['TeamJoinRequest'], page: (tx, t, after, take) => tx.teamJoinRequest.findMany(keyset(t, after, take)) },
  { name: 'goals', tables: ['Goal'], page: (tx, t, after, take) => tx.goal.findMany(keyset(t, after, take)) },
  { name: 'milestones', tables: ['Milestone'], page: (tx, t, after, take) => tx.milestone.findMany(keyset(t, after, take)) },
  { name: 'goal_assignees', tables: ['GoalAssignee'], page: (tx, t, after, take) => tx.goalAssignee.findMany(keyset(t, after, take)) },
  { name: 'goal_progress', tables: ['GoalProgressEntry'], page: (tx, t, after, take) => tx.goalProgressEntry.findMany(keyset(t, after, take)) },
  { name: 'goal_measurements', tables: ['GoalMeasurement'], page: (tx, t, after, take) => tx.goalMeasurement.findMany(keyset(t, after, take)) },
  { name: 'habits', tables: ['Habit'], page: (tx, t, after, take) => tx.habit.findMany(keyset(t, after, take)) },
  { name: 'habit_logs', tables: ['HabitLog'], page: (tx, t, after, take) => tx.habitLog.findMany(keyset(t, after, take)) },
  { name: 'habit_reminders', tables: ['HabitReminder'], page: (tx, t, after, take) => tx.habitReminder.findMany(keyset(t, after, take)) },
  { name: 'comments', tables: ['Comment'], page: (tx, t, after, take) => tx.comment.findMany(keyset(t, after, take)) },
  { name: 'kudos', tables: ['Kudos'], page: (tx, t, after, take) => tx.kudos.findMany(keyset(t, after, take)) },
  { name: 'activity', tables: ['DomainEvent'], page: (tx, t, after, take) => tx.domainEvent.findMany(keyset(t, after, take)) },
  { name: 'audit_log', tables: ['AuditLog'], page: (tx, t, after, take) => tx.auditLog.findMany(keyset(t, after, take)) },
  { name: 'webhook_endpoints', tables: ['WebhookEndpoint'], page: (tx, t, after, take) => tx.webhookEndpoint.findMany(keyset(t, after, take)) },
  { name: 'api_keys', tables: ['ApiKey'], page: (tx, t, after, take) => tx.apiKey.findMany(keyset(t, after, take)) },
  { name: 'oauth_apps', tables: ['OAuthApp'], page: (tx, t, after, take) => tx.oAuthApp.findMany(keyset(t, after, take)) },
  { name: 'authorized_apps', tables: ['OAuthGrant'], page: (tx, t, after, take) => tx.oAuthGrant.findMany({ ...keyset(t, after, take), include: { app: { select: { name: true } } } }) },
  { name: 'installed_apps', tables: ['AppInstallation'], page: (tx, t, after, take) => tx.appInstallation.findMany(keyset(t, after, take)) },
  { name: 'app_ratings', tables: ['AppRating'], page: (tx, t, after, take) => tx.appRating.findMany(keyset(t, after, take)) },
  { name: 'integrations', tables: ['IntegrationInstallation'], page: (tx, t, after, take) => tx.integrationInstallation.findMany(keyset(t, after, take)) },
  { name: 'integration_connections', tables: ['IntegrationConnection'], page: (tx, t, after, take) => tx.integrationConnection.findMany(keyset(t, after, take)) },
  { name: 'integration_channels', tables: ['IntegrationChannelRoute'], page: (tx, t, after, take) => tx.integrationChannelRoute.findMany(keyset(t, after, take)) },
  { name: 'sso_connections', tables: ['SsoConnection'], page: (tx, t, after, take) => tx.ssoConnection.findMany(keyset(t, after, take)) },
  { name: 'sso_domains', tables: ['SsoDomain'], page: (tx, t, after, take) => tx.ssoDomain.findMany(keyset(t, after, take)) },
  { name: 'directories', tables: ['ScimDirectory'], page: (tx, t, after, take) => tx.scimDirectory.findMany(keyset(t, after, take)) },
  { name: 'billing', tables: ['BillingAccount'], page: single((tx, tenantId) => tx.billingAccount.findUnique({ where: { tenantId } })) },
  { name: 'invoices', tables: ['StripeInvoice'], page: (tx, t, after, take) => tx.stripeInvoice.findMany(keyset(t, after, take)) },
  { name: 'dunning_notices', tables: ['DunningNotice'], page: (tx, t, after, take) => tx.dunningNotice.findMany(keyset(t, after, take)) },
  { name: 'usage_periods', tables: ['UsagePeriod'], page: (tx, t, after, take) => tx.usagePeriod.findMany(keyset(t, after, take)) },
  { name: 'support_tickets', tables: ['SupportTicket'], page: (tx, t, after, take) => tx.supportTicket.findMany(keyset(t, after, take)) },
  {
    name: 'support_ticket_comments',
    tables: ['SupportTicketComment'],
    page: (tx, t, after, take) => tx.supportTicketComment.findMany({ where: { ticket: { tenantId: t }, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: 'asc' }, take }),
  },
  { name: 'support_sessions', tables: ['Impersonation'], page: (tx, t, after, take) => tx.impersonation.findMany(keyset(t, after, take)) },
];

/** Tables that belong to a workspace but are not in its export, and why. */
export const WORKSPACE_NOT_EXPORTED: Record<string, string> = {
  Asset: 'uploaded images (logo, favicon, avatars, attachments) as bytes: the settings and tickets name them, and each is served at its address',
  Notification: "each member's own inbox, derived from the activity: in that member's own export",
  Insight: "computed by the insights rules from the goals and habits (in this export) and recomputed hourly; each member's own are in that member's own export",
  InsightDismissal: "which insights each member hid: in that member's own export",
  CoachConversation: "each member's conversations with the AI coach: theirs alone (no admin reads them), in that member's own export",
  CoachMessage: "the questions and answers of each member's coach conversations: in that member's own export",
  UserSession: "sign-in sessions, security records of each member: in that member's own export",
  EmailMessage: 'copies of sent emails, which can hold sign-in and invitation links',
  LoginToken: 'single-use sign-in hand-off secrets that live two minutes',
  LoginFailure: 'failed sign-in attempts kept a few minutes for throttling',
  PasswordReset: 'single-use reset secrets',
  PasswordResetRequest: 'reset requests kept a few minutes for throttling',
  OAuthAuthorizationCode: 'single-use OAuth codes (secrets)',
  OAuthToken: 'OAuth access and refresh tokens (secrets)',
  OidcSigningKey: 'private signing keys',
  CalendarFeedToken: 'calendar feed secrets',
  IntegrationOAuthState: 'an OAuth hand-off in progress: a secret that lives minutes',
  SamlRequest: 'an SSO sign-in in progress, kept minutes',
  IdempotencyKey: 'cached API responses for retries, kept a day',
  ApiRequestLog: 'the API request log, kept for a short while; its totals are in usage',
  ApiUsageDaily: 'the API request log summed per day for the developers page, kept as long as the log; its totals are in usage',
  WebhookDelivery: 'delivery attempts of the activity to endpoints, kept for a short while; the events are in activity',
  WebhookDeliveryAttempt: 'delivery attempts of the activity to endpoints, kept for a short while',
  WebhookSendSlot: 'a lock while a delivery is sent',
  IntegrationLogEntry: 'operational log lines of integration syncs, kept for a short while',
  IntegrationMessage: 'messages queued to a chat integration (retried, then dropped)',
  CalendarEventLink: 'which calendar event mirrors which goal: sync state the next sync rebuilds',
  SlackUserLink: 'which Slack user is which member: rebuilt when they link again',
  ScimUser: "the identity provider's copy of its users: the directory holds it; the members are in members",
  ScimGroup: "the identity provider's copy of its groups: the directory holds it; the teams are in teams",
  Commission: "the reseller's commissions: the reseller's records, not the workspace's",
  StripeEvent: "Stripe's notifications, kept to apply each once; the invoices are in invoices",
  TenantOverride: "the platform's own terms for this workspace (limits, features)",
  PaidAppAllowance: "the platform's waivers of an app's price for this workspace",
  DataSubjectRequest: "the platform's register of privacy requests",
  DataExport: 'the exports themselves',
};
