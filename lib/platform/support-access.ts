import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import type { Member } from '../auth/session.ts';
import { db } from '../db/client.ts';
import { parseInput } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { decideImpersonation, endImpersonation, listImpersonations, type ImpersonationView } from './impersonation.ts';

// The owners' side of support access (Settings › Security): whether support must ask first,
// the requests and sessions, approving, denying and ending them.

export const supportAccessSettingsSchema = z.object({ requireApproval: z.boolean() });

export interface SupportAccess {
  requireApproval: boolean;
  requests: ImpersonationView[];
}

/** Admins see it; owners decide. */
export async function getSupportAccess(tenant: TenantContext, member: Member): Promise<SupportAccess> {
  assertCan(member.role, 'settings.manage');
  const [row, requests] = await Promise.all([db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { impersonationApproval: true } }), listImpersonations(tenant.id)]);
  return { requireApproval: row.impersonationApproval, requests };
}

export async function setSupportAccessApproval(tenant: TenantContext, member: Member, input: unknown, ip: string | null = null): Promise<{ requireApproval: boolean }> {
  assertCan(member.role, 'support_access.manage');
  const { requireApproval } = parseInput(supportAccessSettingsSchema, input);
  await db.$transaction(async (tx) => {
    await tx.tenant.update({ where: { id: tenant.id }, data: { impersonationApproval: requireApproval } });
    await recordAudit(tx, { tenantId: tenant.id, actor: { id: member.userId, email: member.email }, action: 'settings.support_access_updated', target: { type: 'tenant', id: tenant.id }, ip, metadata: { requireApproval } });
  });
  return { requireApproval };
}

export async function decideSupportAccess(tenant: TenantContext, member: Member, id: string, input: unknown, ip: string | null = null): Promise<ImpersonationView> {
  assertCan(member.role, 'support_access.manage');
  return decideImpersonation(tenant.id, { userId: member.userId, email: member.email }, id, input, ip);
}

/** An owner ends a running impersonation at once. */
export async function endSupportAccess(tenant: TenantContext, member: Member, id: string, ip: string | null = null): Promise<ImpersonationView> {
  assertCan(member.role, 'support_access.manage');
  return endImpersonation(id, { kind: 'owner', actor: { id: member.userId, email: member.email }, tenantId: tenant.id }, ip);
}
