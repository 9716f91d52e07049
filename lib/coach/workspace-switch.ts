import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import type { Member } from '../auth/session.ts';
import { requireFeature } from '../billing/entitlements.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { parseInput } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { coachStatus, type CoachStatus } from './availability.ts';
import { coachProviderConfig } from './coach-config.ts';
import { coachNotConfigured } from './errors.ts';

// The workspace's switch for the coach: off until an owner or admin turns it on, having read
// the data-use notice (what is sent to the provider, and where), which the form confirms with
// `noticeAccepted`. Turning it off keeps the members' conversations (theirs to delete).

export const coachSwitchSchema = z
  .object({ enabled: z.boolean({ message: 'Use true (on) or false (off).' }), noticeAccepted: z.boolean().optional() })
  .refine((value) => !value.enabled || value.noticeAccepted === true, { path: ['noticeAccepted'], message: 'Confirm that you have read what the coach sends to its provider.' });

export async function setCoachEnabled(tenant: TenantContext, actor: Member, input: unknown, ip: string | null = null): Promise<CoachStatus> {
  assertCan(actor.role, 'settings.manage');
  const { enabled } = parseInput(coachSwitchSchema, input);
  const config = coachProviderConfig();
  if (enabled) {
    if (!config) throw coachNotConfigured();
    await requireFeature(tenant, 'ai_coaching');
  }
  const scoped = tenantDb(tenant.id);
  await scoped.$transaction(async (tx) => {
    const current = await tx.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { coachEnabledAt: true } });
    if ((current.coachEnabledAt !== null) === enabled) return;
    await tx.tenant.update({ where: { id: tenant.id }, data: enabled ? { coachEnabledAt: new Date(), coachEnabledById: actor.userId } : { coachEnabledAt: null, coachEnabledById: null } });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { id: actor.userId, email: actor.email },
      action: enabled ? 'coach.enabled' : 'coach.disabled',
      target: { type: 'tenant', id: tenant.id },
      ip,
      metadata: enabled && config ? { providerHost: config.host, model: config.model } : {},
    });
  });
  return coachStatus(tenant);
}

