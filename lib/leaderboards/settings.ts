import { z } from 'zod';
import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { parseInput } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

// Who takes part in leaderboards: admins turn them on or off for the workspace (Settings ›
// General, audited; team statistics stay either way) and every member may keep out of them
// (Account › Profile): an opted-out member vanishes from everyone else's boards and still
// sees their own figures.

export const leaderboardSettingsSchema = z.object({ enabled: z.boolean() });
export const leaderboardOptOutSchema = z.object({ optOut: z.boolean() });

export interface LeaderboardSettings {
  enabled: boolean;
}

export interface LeaderboardParticipation {
  optOut: boolean;
}

export async function setLeaderboardsEnabled(tenant: TenantContext, member: Member, input: unknown, ip: string | null = null): Promise<LeaderboardSettings> {
  assertCan(member.role, 'settings.manage');
  const { enabled } = parseInput(leaderboardSettingsSchema, input);
  await tenantDb(tenant.id).$transaction(async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { leaderboardsEnabled: true } });
    if (before.leaderboardsEnabled === enabled) return;
    await tx.tenant.update({ where: { id: tenant.id }, data: { leaderboardsEnabled: enabled } });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { id: member.userId, email: member.email },
      action: enabled ? 'leaderboards.enabled' : 'leaderboards.disabled',
      target: { type: 'tenant', id: tenant.id },
      ip,
      metadata: { before: { enabled: before.leaderboardsEnabled }, after: { enabled } },
    });
  });
  return { enabled };
}

export async function getLeaderboardParticipation(tenant: TenantContext, member: Member): Promise<LeaderboardParticipation> {
  const row = await tenantDb(tenant.id).membership.findUniqueOrThrow({ where: { tenantId_userId: { tenantId: tenant.id, userId: member.userId } }, select: { leaderboardOptOut: true } });
  return { optOut: row.leaderboardOptOut };
}

export async function setLeaderboardOptOut(tenant: TenantContext, member: Member, input: unknown): Promise<LeaderboardParticipation> {
  const { optOut } = parseInput(leaderboardOptOutSchema, input);
  await tenantDb(tenant.id).membership.update({ where: { tenantId_userId: { tenantId: tenant.id, userId: member.userId } }, data: { leaderboardOptOut: optOut } });
  return { optOut };
}
