import { AppError } from '../http/problem.ts';
import { FEATURE_INFO, FREE_PLAN_ID, type Feature, type PlanDefinition, type PlanLimits } from './plan-catalog.ts';
import { applyOverrides, type PlanOverride } from './overrides.ts';
import { getPlan, listPlans } from './plans.ts';
import { inTrial, trialExpired } from './trial-state.ts';

// The one place that says what a workspace's plan allows. Services ask can()/requireFeature()
// for features and limit() for limits; pages ask featureLock() to explain what an upgrade
// unlocks (components/billing/upgrade-notice.tsx). Plans come from the Plan table, cached
// briefly per process (lib/billing/plans.ts), so these are cheap on a request's path. An
// operator's overrides (lib/billing/overrides.ts) ride on the workspace and apply here.

export type { Feature, PlanLimits };

/**
 * Anything that names a workspace's plan: the cached TenantContext, or a row with its plan.
 * With its status and trialEndsAt, a trial's end applies on the second (lib/billing/trials.ts).
 */
export interface PlanHolder {
  plan: string;
  status?: string;
  trialEndsAt?: Date | null;
  /** The operator's overrides of this workspace's plan (lib/billing/overrides.ts); none for a bare plan. */
  overrides?: readonly PlanOverride[];
}

export const PLAN_UPGRADE_REQUIRED = 'plan_upgrade_required';

/** Where owners change the plan, as error messages name it. */
const WHERE_TO_UPGRADE = 'An owner can upgrade under Settings → Billing.';

/** The workspace's plan as it applies now: a trial's end, then the operator's overrides. */
export async function planOf(tenant: PlanHolder, now = new Date()): Promise<PlanDefinition> {
  const holder = { status: tenant.status ?? '', trialEndsAt: tenant.trialEndsAt };
  // Ended, and the hourly job has not moved it to free yet: free already.
  if (trialExpired(holder, now)) return applyOverrides(await getPlan(FREE_PLAN_ID), tenant.overrides, now);
  const plan = await getPlan(tenant.plan);
  // Nothing bills a trial's overage, so its API quota is a hard stop.
  if (inTrial(holder, now) && plan.overageLookupKey !== null) return applyOverrides({ ...plan, overageLookupKey: null, overagePer1000Cents: null }, tenant.overrides, now);
  return applyOverrides(plan, tenant.overrides, now);
}

export async function can(tenant: PlanHolder, feature: Feature): Promise<boolean> {
  return (await planOf(tenant)).features.includes(feature);
}

export async function limit<N extends keyof PlanLimits>(tenant: PlanHolder, name: N): Promise<PlanLimits[N]> {
  return (await planOf(tenant)).limits[name];
}

/** The cheapest plan that includes the feature (null if none does). */
export async function planUnlocking(feature: Feature): Promise<PlanDefinition | null> {
  return (await listPlans()).find((plan) => plan.features.includes(feature)) ?? null;
}

/** The cheapest plan above `current` whose limit is higher (null if none is). */
export async function planRaising(current: PlanDefinition, name: 'members' | 'apiRequestsPerMonth'): Promise<PlanDefinition | null> {
  return (await listPlans()).find((plan) => plan.limits[name] > current.limits[name] && plan.sortOrder > current.sortOrder) ?? null;
}

export function planUpgradeRequired(message: string): AppError {
  return new AppError(403, PLAN_UPGRADE_REQUIRED, message);
}

export interface FeatureLock {
  feature: Feature;
  label: string;
  description: string;
  /** The workspace's plan now. */
  currentPlan: string;
  /** The cheapest plan with the feature. */
  requiredPlan: string | null;
  /** Plans above requiredPlan have the feature too ("Upgrade to Pro or above"). */
  orAbove: boolean;
  /** One sentence: what is locked and which plan unlocks it. */
  message: string;
}

const hasPlanAbove = (unlocking: PlanDefinition, plans: PlanDefinition[]) => plans.some((plan) => plan.sortOrder > unlocking.sortOrder);

function lockMessage(feature: Feature, current: PlanDefinition, unlocking: PlanDefinition | null, plans: PlanDefinition[]): string {
  const { label, plural } = FEATURE_INFO[feature];
  const verb = plural ? 'are' : 'is';
  if (!unlocking) return `${label} ${verb} not available on any plan.`;
  const orAbove = hasPlanAbove(unlocking, plans) ? ' or above' : '';
  return `${label} ${verb} not included in the ${current.name} plan. Upgrade to ${unlocking.name}${orAbove} to use ${plural ? 'them' : 'it'}.`;
}

/** Null when the plan has the feature; otherwise what the UI shows (UpgradeNotice). */
export async function featureLock(tenant: PlanHolder, feature: Feature): Promise<FeatureLock | null> {
  const current = await planOf(tenant);
  if (current.features.includes(feature)) return null;
  const plans = await listPlans();
  const unlocking = plans.find((plan) => plan.features.includes(feature)) ?? null;
  const { label, description } = FEATURE_INFO[feature];
  return {
    feature,
    label,
    description,
    currentPlan: current.name,
    requiredPlan: unlocking?.name ?? null,
    orAbove: unlocking ? hasPlanAbove(unlocking, plans) : false,
    message: lockMessage(feature, current, unlocking, plans),
  };
}

/** Throws 403 plan_upgrade_required, naming the plan that unlocks the feature, unless the plan has it. */
export async function requireFeature(tenant: PlanHolder, feature: Feature): Promise<void> {
  const lock = await featureLock(tenant, feature);
  if (lock) throw planUpgradeRequired(`${lock.message} ${WHERE_TO_UPGRADE}`);
}

const LIMIT_UNITS = { members: 'members', apiRequestsPerMonth: 'API requests a month' } as const;

/** `what` (the situation), then the plan's limit and the cheapest plan that raises it. */
export async function limitReachedMessage(tenant: PlanHolder, name: 'members' | 'apiRequestsPerMonth', what: string): Promise<string> {
  const current = await planOf(tenant);
  const next = await planRaising(current, name);
  const amount = (plan: PlanDefinition) => `${plan.limits[name].toLocaleString('en-US')} ${LIMIT_UNITS[name]}`;
  const raise = next ? ` Upgrade to ${next.name} for ${amount(next)}. ${WHERE_TO_UPGRADE}` : '';
  return `${what} The ${current.name} plan includes ${amount(current)}.${raise}`;
}
