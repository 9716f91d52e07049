import type { Prisma } from '../db/client.ts';

// What a member's export holds: one section per kind of personal data, each read from its
// table with the workspace and the person in the query. tests/integration/privacy-export.test.ts
// checks that every table with a reference to a person is either here or in NOT_EXPORTED
// with its reason, so a new table cannot be forgotten.

type Tx = Prisma.TransactionClient;
type Rows = Promise<Record<string, unknown>[]>;

export interface ExportSection {
  /** The file name in the ZIP (without .json / .csv). */
  name: string;
  /** The tables it reads (PostgreSQL names, as Prisma models are named). */
  tables: string[];
  rows(tx: Tx, tenantId: string, userId: string): Rows;
}

export const EXPORT_SECTIONS: ExportSection[] = [
  {
    name: 'profile',
    tables: ['User', 'Membership'],
    rows: async (tx, tenantId, userId) => {
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, emailVerifiedAt: true, totpEnabledAt: true, createdAt: true } });
      const membership = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId, userId } } });
      return [{ ...user, twoFactorEnabled: user.totpEnabledAt !== null, membership }];
    },
  },
  { name: 'teams', tables: ['TeamMember'], rows: (tx, tenantId, userId) => tx.teamMember.findMany({ where: { tenantId, userId }, include: { team: { select: { name: true } } } }) },
  { name: 'team_join_requests', tables: ['TeamJoinRequest'], rows: (tx, tenantId, userId) => tx.teamJoinRequest.findMany({ where: { tenantId, userId } }) },
  { name: 'goals', tables: ['Goal'], rows: (tx, tenantId, userId) => tx.goal.findMany({ where: { tenantId, OR: [{ ownerId: userId }, { completedById: userId }] }, include: { milestones: true } }) },
  { name: 'goal_assignments', tables: ['GoalAssignee'], rows: (tx, tenantId, userId) => tx.goalAssignee.findMany({ where: { tenantId, userId }, include: { goal: { select: { title: true } } } }) },
  { name: 'goal_progress', tables: ['GoalProgressEntry'], rows: (tx, tenantId, userId) => tx.goalProgressEntry.findMany({ where: { tenantId, userId }, include: { goal: { select: { title: true } } } }) },
  { name: 'goal_measurements', tables: ['GoalMeasurement'], rows: (tx, tenantId, userId) => tx.goalMeasurement.findMany({ where: { tenantId, userId }, include: { goal: { select: { title: true } } } }) },
  { name: 'habits', tables: ['Habit'], rows: (tx, tenantId, userId) => tx.habit.findMany({ where: { tenantId, userId } }) },
  { name: 'habit_logs', tables: ['HabitLog'], rows: (tx, tenantId, userId) => tx.habitLog.findMany({ where: { tenantId, userId } }) },
  { name: 'habit_reminders', tables: ['HabitReminder'], rows: (tx, tenantId, userId) => tx.habitReminder.findMany({ where: { tenantId, userId } }) },
  // What the insights rules concluded about the person (not their teams': those are the team's), and what they dismissed.
  { name: 'insights', tables: ['Insight', 'InsightDismissal'], rows: async (tx, tenantId, userId) => [
      ...(await tx.insight.findMany({ where: { tenantId, userId }, orderBy: { createdAt: 'asc' } })).map((row) => ({ record: 'insight', ...row })),
      ...(await tx.insightDismissal.findMany({ where: { tenantId, userId } })).map((row) => ({ record: 'dismissal', ...row })),
    ] },
  { name: 'coach_conversations', tables: ['CoachConversation', 'CoachMessage'], rows: (tx, tenantId, userId) => tx.coachConversation.findMany({ where: { tenantId, userId }, include: { messages: { orderBy: { createdAt: 'asc' } } }, orderBy: { createdAt: 'asc' } }) },
  { name: 'comments', tables: ['Comment'], rows: (tx, tenantId, userId) => tx.comment.findMany({ where: { tenantId, authorId: userId } }) },
  { name: 'kudos', tables: ['Kudos'], rows: (tx, tenantId, userId) => tx.kudos.findMany({ where: { tenantId, OR: [{ giverId: userId }, { recipientId: userId }] } }) },
  { name: 'notifications', tables: ['Notification'], rows: (tx, tenantId, userId) => tx.notification.findMany({ where: { tenantId, userId } }) },
  { name: 'sessions', tables: ['UserSession'], rows: (tx, tenantId, userId) => tx.userSession.findMany({ where: { tenantId, userId } }) },
  { name: 'authorized_apps', tables: ['OAuthGrant'], rows: (tx, tenantId, userId) => tx.oAuthGrant.findMany({ where: { tenantId, userId }, include: { app: { select: { name: true } } } }) },
  { name: 'integrations', tables: ['IntegrationConnection', 'CalendarFeedToken'], rows: async (tx, tenantId, userId) => [
      ...(await tx.integrationConnection.findMany({ where: { tenantId, userId } })).map((row) => ({ record: 'connection', ...row })),
      ...(await tx.calendarFeedToken.findMany({ where: { tenantId, userId } })).map((row) => ({ record: 'calendar_feed', ...row })),
    ] },
  { name: 'api_keys', tables: ['ApiKey', 'OAuthApp'], rows: async (tx, tenantId, userId) => [
      ...(await tx.apiKey.findMany({ where: { tenantId, createdById: userId } })).map((row) => ({ record: 'api_key', ...row })),
      ...(await tx.oAuthApp.findMany({ where: { tenantId, createdById: userId } })).map((row) => ({ record: 'oauth_app', ...row })),
    ] },
  { name: 'invitations_sent', tables: ['Invitation'], rows: (tx, tenantId, userId) => tx.invitation.findMany({ where: { tenantId, invitedById: userId } }) },
  { name: 'support_tickets', tables: ['SupportTicket', 'SupportTicketComment'], rows: async (tx, tenantId, userId) => [
      ...(await tx.supportTicket.findMany({ where: { tenantId, openedById: userId } })).map((row) => ({ record: 'ticket', ...row })),
      ...(await tx.supportTicketComment.findMany({ where: { authorId: userId, ticket: { tenantId } } })).map((row) => ({ record: 'comment', ...row })),
    ] },
  { name: 'support_sessions', tables: ['Impersonation'], rows: (tx, tenantId, userId) => tx.impersonation.findMany({ where: { tenantId, userId } }) },
  { name: 'audit_entries', tables: ['AuditLog'], rows: (tx, tenantId, userId) => tx.auditLog.findMany({ where: { tenantId, OR: [{ actorId: userId }, { targetId: userId }] }, orderBy: { createdAt: 'asc' } }) },
];

/** Tables that refer to a person but are not in the export, and why. */
export const NOT_EXPORTED: Record<string, string> = {
  LoginToken: 'single-use sign-in hand-off secrets that live two minutes',
  PasswordReset: 'single-use reset secrets',
  RecoveryCode: 'hashes of two-factor recovery codes: secrets, useless to their owner as hashes',
  ResellerUser: "a reseller organisation's data, exported from the reseller dashboard, not a workspace",
  PartnerUser: "a partner organisation's data, not a workspace",
  DataExport: 'the exports themselves',
  StaffInvitation: "invitations to the platform's staff: the platform's records, not a workspace's",
};

/** Fields that hold secrets (hashes, tokens, ciphertext): never in an export. */
const SECRET_FIELD = /hash|secret|token|cipher|encrypted|verifier|password/i;

/** A row as the export shows it: secrets out, dates as ISO strings, bytes out. */
export function exportable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return undefined;
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(exportable);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) if (!SECRET_FIELD.test(key) && !(field instanceof Uint8Array)) out[key] = exportable(field);
    return out;
  }
  return value;
}
