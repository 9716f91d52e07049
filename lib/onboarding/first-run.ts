import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { assertCan, can } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

// First run: the owners' and admins' setup checklist (brand it, invite people, a first goal,
// a first habit, a domain) and the welcome card for people who joined an existing workspace.
// Every step's "done" is read from the data itself, never ticked by hand, so it stays true
// however the thing was done (the settings page, the API, SCIM, a reseller's set-up).

export const SETUP_STEPS = ['brand', 'invite', 'goal', 'habit', 'domain'] as const;
export type SetupStepKey = (typeof SETUP_STEPS)[number];

export interface SetupChecklist {
  steps: { key: SetupStepKey; done: boolean }[];
  doneCount: number;
  dismissed: boolean;
  /** Shown on the dashboard: to owners and admins, until dismissed or every step is done. */
  visible: boolean;
}

/** Branding's schema defaults: anything else means someone branded the workspace. */
const DEFAULT_COLORS = { primaryColor: '#4f46e5', secondaryColor: '#0f172a', accentColor: '#f59e0b' };
const BRANDING_ACTIONS = ['settings.branding_updated', 'settings.logo_uploaded', 'settings.favicon_uploaded'];

export async function setupChecklist(tenant: TenantContext, member: Member): Promise<SetupChecklist> {
  const db = tenantDb(tenant.id);
  // Each step only asks whether there is one (two members): counts stop there (take), since a
  // full count reads every goal of a big workspace on each visit to the dashboard.
  const [row, branding, brandingEdits, invitations, members, goals, habits, domains] = await Promise.all([
    db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { setupChecklistDismissedAt: true } }),
    db.branding.findUnique({ where: { tenantId: tenant.id }, select: { primaryColor: true, secondaryColor: true, accentColor: true, logoUrl: true } }),
    db.auditLog.count({ where: { action: { in: BRANDING_ACTIONS } }, take: 1 }),
    db.invitation.count({ take: 1 }),
    db.membership.count({ take: 2 }),
    db.goal.count({ take: 1 }),
    db.habit.count({ take: 1 }),
    db.domain.count({ where: { verifiedAt: { not: null } }, take: 1 }),
  ]);
  const branded =
    brandingEdits > 0 ||
    (branding !== null &&
      (branding.logoUrl !== null ||
        branding.primaryColor.toLowerCase() !== DEFAULT_COLORS.primaryColor ||
        branding.secondaryColor.toLowerCase() !== DEFAULT_COLORS.secondaryColor ||
        branding.accentColor.toLowerCase() !== DEFAULT_COLORS.accentColor));
  const done: Record<SetupStepKey, boolean> = { brand: branded, invite: invitations > 0 || members > 1, goal: goals > 0, habit: habits > 0, domain: domains > 0 };
  const steps = SETUP_STEPS.map((key) => ({ key, done: done[key] }));
  const doneCount = steps.filter((s) => s.done).length;
  const dismissed = row.setupChecklistDismissedAt !== null;
  return { steps, doneCount, dismissed, visible: can(member.role, 'settings.manage') && !dismissed && doneCount < steps.length };
}

/** Hides the checklist for the whole workspace (every owner and admin), audited. */
export async function dismissSetupChecklist(tenant: TenantContext, member: Member, ip: string | null = null): Promise<void> {
  assertCan(member.role, 'settings.manage');
  await tenantDb(tenant.id).$transaction(async (tx) => {
    const updated = await tx.tenant.updateMany({ where: { id: tenant.id, setupChecklistDismissedAt: null }, data: { setupChecklistDismissedAt: new Date() } });
    if (updated.count === 0) return;
    await recordAudit(tx, { tenantId: tenant.id, actor: { id: member.userId, email: member.email }, action: 'settings.setup_checklist_dismissed', target: { type: 'tenant', id: tenant.id }, ip });
  });
}

export const WELCOME_STEPS = ['team', 'goal', 'habit'] as const;
export type WelcomeStepKey = (typeof WELCOME_STEPS)[number];

export interface Welcome {
  steps: { key: WelcomeStepKey; done: boolean }[];
  /** Shown to members and viewers who joined the workspace, until they close it or did every step. */
  visible: boolean;
}

export async function welcomeFor(tenant: TenantContext, member: Member): Promise<Welcome> {
  const db = tenantDb(tenant.id);
  const [membership, teams, goals, habits] = await Promise.all([
    db.membership.findUniqueOrThrow({ where: { id: member.membershipId }, select: { welcomeDismissedAt: true } }),
    db.teamMember.count({ where: { userId: member.userId }, take: 1 }),
    db.goal.count({ where: { OR: [{ ownerId: member.userId }, { assignees: { some: { userId: member.userId } } }] }, take: 1 }),
    db.habit.count({ where: { userId: member.userId }, take: 1 }),
  ]);
  const done: Record<WelcomeStepKey, boolean> = { team: teams > 0, goal: goals > 0, habit: habits > 0 };
  const steps = WELCOME_STEPS.map((key) => ({ key, done: done[key] }));
  // Owners and admins get the setup checklist instead.
  const visible = !can(member.role, 'settings.manage') && membership.welcomeDismissedAt === null && steps.some((s) => !s.done);
  return { steps, visible };
}

/** The member closed their welcome card: it stays closed for them on this workspace. */
export async function dismissWelcome(tenant: TenantContext, member: Member): Promise<void> {
  await tenantDb(tenant.id).membership.updateMany({ where: { id: member.membershipId, userId: member.userId, welcomeDismissedAt: null }, data: { welcomeDismissedAt: new Date() } });
}
