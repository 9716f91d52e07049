import type { ApiKeyTier } from './api-key-schema.ts';
import { TIERS } from './api-key-schema.ts';

// A tenant's plan caps the tier of its keys, and sets its monthly API request quota
// (counted in UsageCounter; the billing issue bills it).
export const PLAN_LIMITS: Record<string, { maxTier: ApiKeyTier; monthlyRequests: number }> = {
  free: { maxTier: 'free', monthlyRequests: 10_000 },
  starter: { maxTier: 'developer', monthlyRequests: 100_000 },
  pro: { maxTier: 'business', monthlyRequests: 1_000_000 },
  enterprise: { maxTier: 'enterprise', monthlyRequests: 20_000_000 },
};

export function planLimits(plan: string) {
  return PLAN_LIMITS[plan] ?? PLAN_LIMITS.free;
}

/** The lower of the key's tier and what the plan allows. */
export function cappedTier(tier: ApiKeyTier, plan: string): ApiKeyTier {
  const max = planLimits(plan).maxTier;
  return TIERS.indexOf(tier) <= TIERS.indexOf(max) ? tier : max;
}
