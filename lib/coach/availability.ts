import type { Member } from '../auth/session.ts';
import { requireFeature, can } from '../billing/entitlements.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { forbidden } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { coachProviderConfig, type CoachProviderConfig } from './coach-config.ts';
import { coachDisabled, coachNotConfigured } from './errors.ts';

// Whether a workspace's members have a coach: the installation has a provider (COACH_*), the
// plan includes ai_coaching, and an owner or admin turned it on (Tenant.coachEnabledAt). Off
// by default on every one of the three.

export interface CoachStatus {
  configured: boolean;
  /** The provider's host, for the data-use notice; null when not configured. */
  providerHost: string | null;
  planIncludes: boolean;
  enabledAt: Date | null;
  /** All three: members see the coach. */
  available: boolean;
}

async function enabledAt(tenantId: string): Promise<Date | null> {
  const row = await tenantDb(tenantId).tenant.findUnique({ where: { id: tenantId }, select: { coachEnabledAt: true } });
  return row?.coachEnabledAt ?? null;
}

export async function coachStatus(tenant: TenantContext): Promise<CoachStatus> {
  const config = coachProviderConfig();
  const [planIncludes, enabled] = await Promise.all([can(tenant, 'ai_coaching'), enabledAt(tenant.id)]);
  return { configured: config !== null, providerHost: config?.host ?? null, planIncludes, enabledAt: enabled, available: config !== null && planIncludes && enabled !== null };
}

/** Whether the workspace's members see the coach (the header's link); no query when the installation has no provider. */
export async function coachAvailable(tenant: TenantContext): Promise<boolean> {
  if (!coachProviderConfig()) return false;
  return (await coachStatus(tenant)).available;
}

/**
 * The provider, or the reason there is no coach: 404 not set up here, 403 not on the plan,
 * 409 not turned on. The coach talks with members: an app acting as itself has none.
 */
export async function requireCoach(tenant: TenantContext, member: Member): Promise<CoachProviderConfig> {
  const config = coachProviderConfig();
  if (!config) throw coachNotConfigured();
  await requireFeature(tenant, 'ai_coaching');
  if (!(await enabledAt(tenant.id))) throw coachDisabled();
  if (member.appInstallationId) throw forbidden('The AI coach talks with members; an app acting for the workspace has none.');
  return config;
}
