import { z } from 'zod';
import { TIERS } from '../api-keys/api-key-schema.ts';
import { FEATURES, type Feature, type PlanDefinition, type PlanLimits } from './plan-catalog.ts';

// An operator's exceptions to a workspace's plan (TenantOverride): a feature turned on or off,
// or a limit set to another value, each with a note and maybe an end. planOf() applies the
// ones still in force, so can(), limit(), requireFeature() and featureLock() all honour them.
// They travel with the workspace (TenantContext.overrides), so no gate reads them apart.

export const LIMIT_KEYS = ['members', 'apiRequestsPerMonth', 'maxKeyTier', 'coachTokensPerMonth'] as const satisfies readonly (keyof PlanLimits)[];
export const OVERRIDE_KEYS = [...FEATURES, ...LIMIT_KEYS] as const;
export type OverrideKey = (typeof OVERRIDE_KEYS)[number];

/** An override as planOf reads it. */
export interface PlanOverride {
  key: string;
  value: unknown;
  expiresAt: Date | null;
}

const count = z.number().int('Use a whole number.').min(0, 'Use 0 or more.').max(1_000_000_000, 'Use at most 1,000,000,000.');

/** What each key's value must be: on/off for a feature, a count or a key tier for a limit. */
export function overrideValueSchema(key: OverrideKey): z.ZodType<boolean | number | string> {
  if ((FEATURES as readonly string[]).includes(key)) return z.boolean({ message: 'Use true (on) or false (off).' });
  if (key === 'maxKeyTier') return z.enum(TIERS, { message: `Use one of: ${TIERS.join(', ')}.` });
  return count;
}

const isFeature = (key: string): key is Feature => (FEATURES as readonly string[]).includes(key);

/** The plan with the overrides in force at `now` applied; ones that do not parse are ignored. */
export function applyOverrides(plan: PlanDefinition, overrides: readonly PlanOverride[] | undefined, now: Date): PlanDefinition {
  const live = (overrides ?? []).filter((o) => o.expiresAt === null || o.expiresAt.getTime() > now.getTime());
  if (live.length === 0) return plan;
  const features = new Set<Feature>(plan.features);
  const limits: PlanLimits = { ...plan.limits };
  for (const { key, value } of live) {
    if (!(OVERRIDE_KEYS as readonly string[]).includes(key)) continue;
    const parsed = overrideValueSchema(key as OverrideKey).safeParse(value);
    if (!parsed.success) continue;
    if (isFeature(key)) {
      if (parsed.data === true) features.add(key);
      else features.delete(key);
    } else if (key === 'maxKeyTier') limits.maxKeyTier = parsed.data as PlanLimits['maxKeyTier'];
    else limits[key as 'members' | 'apiRequestsPerMonth' | 'coachTokensPerMonth'] = parsed.data as number;
  }
  // In the catalog's order, as plans list them.
  return { ...plan, features: FEATURES.filter((feature) => features.has(feature)), limits };
}
