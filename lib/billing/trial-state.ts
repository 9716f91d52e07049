import { TRIAL } from './plan-catalog.ts';
import { getPlan } from './plans.ts';

// A workspace's trial as plain facts: whether it runs, how many days are left.
// Kept apart from lib/billing/trials.ts (the job) so that entitlements can ask it cheaply.

export const DAY_MS = 86_400_000;

/** A workspace's trial as the app shows it. */
export interface TrialInfo {
  planId: string;
  planName: string;
  endsAt: Date;
  /** Whole days left, rounded up: 1 on the last day, 0 once it has ended. */
  daysLeft: number;
}

export type TrialHolder = { status: string; trialEndsAt?: Date | null };

/** The trial's fields for a workspace created now (null when trials are off). */
export function newTrial(now = new Date()): { plan: string; trialEndsAt: Date } | null {
  if (TRIAL.days <= 0) return null;
  return { plan: TRIAL.planId, trialEndsAt: new Date(now.getTime() + TRIAL.days * DAY_MS) };
}

export function trialDaysLeft(endsAt: Date, now = new Date()): number {
  return Math.max(0, Math.ceil((endsAt.getTime() - now.getTime()) / DAY_MS));
}

/** In a trial that has not ended yet. */
export function inTrial(tenant: TrialHolder, now = new Date()): tenant is TrialHolder & { trialEndsAt: Date } {
  return tenant.status === 'trial' && tenant.trialEndsAt instanceof Date && tenant.trialEndsAt > now;
}

/** A trial whose end has passed but which the job has not ended yet. */
export function trialExpired(tenant: TrialHolder, now = new Date()): boolean {
  return tenant.status === 'trial' && tenant.trialEndsAt instanceof Date && tenant.trialEndsAt <= now;
}


/** The running trial of a workspace (null when it has none). */
export async function trialOf(tenant: TrialHolder & { plan: string }, now = new Date()): Promise<TrialInfo | null> {
  if (!inTrial(tenant, now)) return null;
  const plan = await getPlan(tenant.plan);
  return { planId: plan.id, planName: plan.name, endsAt: tenant.trialEndsAt, daysLeft: trialDaysLeft(tenant.trialEndsAt, now) };
}

