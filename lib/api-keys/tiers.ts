import { limit, type PlanHolder } from '../billing/entitlements.ts';
import type { ApiKeyTier } from './api-key-schema.ts';
import { TIERS } from './api-key-schema.ts';

// A workspace's plan caps the tier (rate limits) of its keys and sets its API request quota.
// Both come from the Plan table through lib/billing/entitlements.ts; these keep the names
// the API key and OAuth code has always used.

/** The workspace's caps (its overrides included: pass the workspace, not only its plan's name). */
export async function planLimits(tenant: PlanHolder): Promise<{ maxTier: ApiKeyTier; monthlyRequests: number }> {
  const [maxTier, monthlyRequests] = await Promise.all([limit(tenant, 'maxKeyTier'), limit(tenant, 'apiRequestsPerMonth')]);
  return { maxTier, monthlyRequests };
}

/** The lower of the key's tier and what the plan allows. */
export async function cappedTier(tier: ApiKeyTier, tenant: PlanHolder): Promise<ApiKeyTier> {
  const max = await limit(tenant, 'maxKeyTier');
  return TIERS.indexOf(tier) <= TIERS.indexOf(max) ? tier : max;
}
