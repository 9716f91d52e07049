import { limit } from '../billing/entitlements.ts';
import { incrementUsage, usageAt } from '../billing/usage.ts';
import { env } from '../config/env.ts';
import { tooManyRequests } from '../http/problem.ts';
import { createLimiter } from '../ratelimit/create.ts';
import { chooseBackend } from '../ratelimit/select-backend.ts';
import { policiesFor, type PolicyTable, type Tier } from '../ratelimit/tiers.ts';
import type { ClosableRateLimiter } from '../ratelimit/types.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { coachBudgetExhausted } from './errors.ts';

// The coach's two limits. Per member: a rate limit on questions (lib/ratelimit, on the same
// Redis as the API's limits when there is one), so one person cannot burn the workspace's
// budget in a loop. Per workspace: the plan's monthly token budget (coachTokensPerMonth),
// counted in UsagePeriod as metric coach_tokens per billing period, like API requests; it is
// never reported to Stripe (lib/billing/report-usage.ts bills api_requests only).

export const COACH_TOKENS = 'coach_tokens';

/** 20 questions in a burst, refilling at 300 an hour; 2,000 a day. */
export const COACH_RATE = { burst: 20, perHour: 300, perDay: 2_000 };

function table(): PolicyTable {
  const policies = policiesFor(COACH_RATE);
  return Object.fromEntries((['free', 'developer', 'business', 'enterprise'] as Tier[]).map((tier) => [tier, policies])) as PolicyTable;
}

const holder = globalThis as unknown as { __waypointCoachLimiter?: ClosableRateLimiter };

function limiter(): ClosableRateLimiter {
  if (!holder.__waypointCoachLimiter) {
    const { REDIS_URL, UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN } = env();
    const { options } = chooseBackend({ REDIS_URL, UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN });
    holder.__waypointCoachLimiter = createLimiter(options.backend === 'memory' ? options : { ...options, prefix: 'waypoint:ratelimit:coach' }, table());
  }
  return holder.__waypointCoachLimiter;
}

/** Throws 429 rate_limited (with Retry-After) when the member has asked too much too fast. */
export async function limitCoachQuestions(tenantId: string, userId: string): Promise<void> {
  const result = await limiter().limit(`${tenantId}:${userId}`, 'free');
  if (!result.success) throw tooManyRequests(`You have asked the coach many questions in a short time. Wait ${result.retryAfter} seconds and ask again.`, result.retryAfter);
}

export interface CoachBudget {
  used: number;
  limit: number;
  /** When the period's budget renews. */
  resetsAt: Date;
}

export async function coachBudget(tenant: TenantContext, now = new Date()): Promise<CoachBudget> {
  const [usage, included] = await Promise.all([usageAt(tenant.id, COACH_TOKENS, now), limit(tenant, 'coachTokensPerMonth')]);
  return { used: usage.value, limit: included, resetsAt: usage.end };
}

/** Throws 429 coach_budget_exhausted once the period's tokens are used up. */
export async function requireCoachBudget(tenant: TenantContext, now = new Date()): Promise<CoachBudget> {
  const budget = await coachBudget(tenant, now);
  if (budget.used >= budget.limit) throw coachBudgetExhausted(budget.resetsAt.toISOString().slice(0, 10));
  return budget;
}

/** Counts an answer's tokens toward the workspace's budget. */
export function countCoachTokens(tenantId: string, tokens: number, at = new Date()): Promise<void> {
  return incrementUsage(tenantId, COACH_TOKENS, tokens, at);
}

/** Tests and shutdown: drop the limiter (and its Redis connection). */
export async function closeCoachLimiter(): Promise<void> {
  const current = holder.__waypointCoachLimiter;
  holder.__waypointCoachLimiter = undefined;
  await current?.close();
}
