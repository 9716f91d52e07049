import { z } from 'zod';

// Every domain event type: its payload schema (the single source of the TypeScript types in
// domain-events.ts, of the JSON schemas in the webhook catalog and the OpenAPI document), a
// description and an example payload.

const id = z.string();
const changes = z.record(z.string(), z.unknown());
const isoTime = z.string();

// Billing (from Stripe): the workspace's subscription as Stripe bills it. Amounts are integers in
// the currency's minor unit (cents), currencies ISO 4217 in lower case, as Stripe gives them.
const subscription = {
  subscriptionId: id,
  /** The Waypoint plan the subscription sells; null when its price is not one of the plans. */
  planId: id.nullable(),
  /** Stripe's status: incomplete, incomplete_expired, trialing, active, past_due, unpaid, canceled or paused. */
  status: z.string(),
  currency: z.string(),
  /** The plan's price per billing period, in minor units; null when the plan is unknown. */
  amount: z.number().int().nullable(),
  /** The billing period: month or year (every Waypoint plan is monthly). */
  interval: z.string(),
  currentPeriodStart: isoTime.nullable(),
  currentPeriodEnd: isoTime.nullable(),
  cancelAtPeriodEnd: z.boolean(),
  trialEnd: isoTime.nullable(),
};
const fromTo = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value });
const subscriptionExample = {
  subscriptionId: 'sub_1QxY8mK2',
  planId: 'pro',
  status: 'active',
  currency: 'usd',
  amount: 9900,
  interval: 'month',
  currentPeriodStart: '2026-11-21T10:00:00.000Z',
  currentPeriodEnd: '2026-12-21T10:00:00.000Z',
  cancelAtPeriodEnd: false,
  trialEnd: null,
};

export const EVENT_CATALOG = {
  'user.created': {
    description: 'Someone joined the workspace (signed up as its owner or accepted an invitation).',
    schema: z.object({ userId: id, email: z.string(), name: z.string().nullable(), role: z.string() }),
    example: { userId: 'cm1user', email: 'ada@example.com', name: 'Ada Lovelace', role: 'member' },
  },
  'user.updated': {
    description: "A member's role or profile changed.",
    schema: z.object({ userId: id, email: z.string(), changes }),
    example: { userId: 'cm1user', email: 'ada@example.com', changes: { role: { from: 'member', to: 'admin' } } },
  },
  'user.deleted': {
    description: 'A member left or was removed from the workspace.',
    schema: z.object({ userId: id, email: z.string() }),
    example: { userId: 'cm1user', email: 'ada@example.com' },
  },
  'goal.created': {
    description: 'A goal was created.',
    schema: z.object({ goalId: id, title: z.string(), ownerId: id, teamId: id.nullable() }),
    example: { goalId: 'cm1goal', title: 'Run a half marathon', ownerId: 'cm1user', teamId: null },
  },
  'goal.updated': {
    description: "A goal's details, progress (set by hand or by a measurement, with its total in currentValue), milestones or assignees changed.",
    schema: z.object({ goalId: id, changes }),
    example: { goalId: 'cm1goal', changes: { progress: { from: 40, to: 60 } } },
  },
  'goal.completed': {
    description: 'A goal was completed.',
    schema: z.object({ goalId: id, title: z.string(), completedById: id, completedAt: z.string() }),
    example: { goalId: 'cm1goal', title: 'Run a half marathon', completedById: 'cm1user', completedAt: '2026-11-21T10:00:00.000Z' },
  },
  'goal.deleted': {
    description: 'A goal was deleted.',
    schema: z.object({ goalId: id, title: z.string() }),
    example: { goalId: 'cm1goal', title: 'Run a half marathon' },
  },
  'habit.created': {
    description: 'A habit was created.',
    schema: z.object({ habitId: id, name: z.string(), userId: id, schedule: z.string() }),
    example: { habitId: 'cm1habit', name: 'Morning run', userId: 'cm1user', schedule: 'daily' },
  },
  'habit.logged': {
    description: 'A habit was logged for a day.',
    schema: z.object({ habitId: id, userId: id, date: z.string(), note: z.string().nullable(), currentStreak: z.number().int() }),
    example: { habitId: 'cm1habit', userId: 'cm1user', date: '2026-11-21', note: null, currentStreak: 7 },
  },
  'habit.streak_milestone': {
    description: "A habit's current streak reached 7, 30 or 100.",
    schema: z.object({ habitId: id, userId: id, milestone: z.number().int(), unit: z.enum(['days', 'occurrences', 'weeks']) }),
    example: { habitId: 'cm1habit', userId: 'cm1user', milestone: 7, unit: 'days' },
  },
  'habit.deleted': {
    description: 'A habit was deleted.',
    schema: z.object({ habitId: id, name: z.string() }),
    example: { habitId: 'cm1habit', name: 'Morning run' },
  },
  'team.member_added': {
    description: 'Someone joined a team.',
    schema: z.object({ teamId: id, userId: id, role: z.string() }),
    example: { teamId: 'cm1team', userId: 'cm1user', role: 'member' },
  },
  'team.member_removed': {
    description: 'Someone left or was removed from a team.',
    schema: z.object({ teamId: id, userId: id }),
    example: { teamId: 'cm1team', userId: 'cm1user' },
  },
  'goal.commented': {
    description: 'Someone commented on a goal (or one of its milestones). Mentioned members are listed by id.',
    schema: z.object({ goalId: id, milestoneId: id.nullable(), commentId: id, authorId: id, body: z.string(), mentionedUserIds: z.array(id) }),
    example: { goalId: 'cm1goal', milestoneId: null, commentId: 'cm1comment', authorId: 'cm1user', body: 'Great pace, @Sam!', mentionedUserIds: ['cm1sam'] },
  },
  'goal.comment_updated': {
    description: 'A comment on a goal (or one of its milestones) was edited by its author. Members mentioned for the first time in this edit are listed apart.',
    schema: z.object({ goalId: id, milestoneId: id.nullable(), commentId: id, authorId: id, body: z.string(), mentionedUserIds: z.array(id), newlyMentionedUserIds: z.array(id) }),
    example: { goalId: 'cm1goal', milestoneId: null, commentId: 'cm1comment', authorId: 'cm1user', body: 'Great pace, @Sam and @Ana!', mentionedUserIds: ['cm1sam', 'cm1ana'], newlyMentionedUserIds: ['cm1ana'] },
  },
  'goal.comment_deleted': {
    description: 'A comment on a goal was deleted by its author or an admin (its text is gone; the thread keeps a placeholder).',
    schema: z.object({ goalId: id, milestoneId: id.nullable(), commentId: id, authorId: id, deletedById: id }),
    example: { goalId: 'cm1goal', milestoneId: null, commentId: 'cm1comment', authorId: 'cm1user', deletedById: 'cm1user' },
  },
  'kudos.given': {
    description: "Someone gave kudos for a completed goal or a habit's streak milestone (the event celebrated is eventId).",
    schema: z.object({ kudosId: id, eventId: z.string(), giverId: id, recipientId: id, subjectType: z.enum(['goal', 'habit']), subjectId: id }),
    example: { kudosId: 'cm1kudos', eventId: 'evt_4f2a9c', giverId: 'cm1ana', recipientId: 'cm1user', subjectType: 'goal', subjectId: 'cm1goal' },
  },
  'kudos.removed': {
    description: 'Someone took back the kudos they had given (kudosId and eventId as in its kudos.given).',
    schema: z.object({ kudosId: id, eventId: z.string(), giverId: id, recipientId: id, subjectType: z.enum(['goal', 'habit']), subjectId: id }),
    example: { kudosId: 'cm1kudos', eventId: 'evt_4f2a9c', giverId: 'cm1ana', recipientId: 'cm1user', subjectType: 'goal', subjectId: 'cm1goal' },
  },
  'app.installed': {
    description: "A marketplace app was installed in the workspace by an admin (or its installation was re-consented for a new version's scopes). Delivered to the workspace's endpoints and to the app's own.",
    schema: z.object({ installationId: id, appId: id, appSlug: z.string(), appName: z.string(), scopes: z.array(z.string()), installedById: id.nullable(), reconsent: z.boolean() }),
    example: { installationId: 'ins_4f2a', appId: 'app_8c1d', appSlug: 'pulse-sync', appName: 'Pulse Sync', scopes: ['read:goals', 'read:habits'], installedById: 'cm1user', reconsent: false },
  },
  'app.uninstalled': {
    description: "A marketplace app's installation ended: an admin uninstalled it, or the app was removed from the marketplace. Its tokens stop working at once; this is the last event its own endpoint receives.",
    schema: z.object({ installationId: id, appId: id, appSlug: z.string(), appName: z.string(), reason: z.enum(['uninstalled', 'app_removed']), uninstalledById: id.nullable() }),
    example: { installationId: 'ins_4f2a', appId: 'app_8c1d', appSlug: 'pulse-sync', appName: 'Pulse Sync', reason: 'uninstalled', uninstalledById: 'cm1user' },
  },
  'ai.insight_generated': {
    description:
      "The insights rules found something new in a member's or a team's own data (a streak at risk, a best weekday, a goal behind its pace, a milestone due soon, a team's week over week). userId is set for a member's insight, teamId for a team's; data holds the numbers behind it. Sent once per insight; a later run that refreshes its numbers sends nothing.",
    schema: z.object({
      insightId: id,
      kind: z.enum(['streak_at_risk', 'best_weekday', 'worst_weekday', 'goal_at_risk', 'milestone_due_soon', 'team_momentum']),
      userId: id.nullable(),
      teamId: id.nullable(),
      subjectType: z.enum(['habit', 'goal', 'milestone', 'team']),
      subjectId: id,
      data: z.record(z.string(), z.unknown()),
      expiresAt: z.string(),
    }),
    example: {
      insightId: 'isg_7Hc2pQ',
      kind: 'streak_at_risk',
      userId: 'cm1user',
      teamId: null,
      subjectType: 'habit',
      subjectId: 'cm1habit',
      data: { currentStreak: 12, usualLogHour: 8, loggedByNowRate: 0.86, localDate: '2026-12-07' },
      expiresAt: '2026-12-07T23:00:00.000Z',
    },
  },
  'subscription.created': {
    description:
      "The workspace subscribed to a plan (Stripe's customer.subscription.created): its plan, status, price per period and current period. Sent once per Stripe event; a status of incomplete means the first payment has not gone through yet (a subscription.updated follows).",
    schema: z.object(subscription),
    example: subscriptionExample,
  },
  'subscription.updated': {
    description:
      "The workspace's subscription changed (Stripe's customer.subscription.updated): another plan, a new period, a status such as past_due or unpaid, or a cancellation scheduled at the period's end. changes lists each field that changed, from and to, as Stripe reports it. Sent once per Stripe event; an event older than one already applied sends nothing.",
    schema: z.object({
      ...subscription,
      changes: z.object({
        planId: fromTo(id.nullable()).optional(),
        status: fromTo(z.string()).optional(),
        currency: fromTo(z.string()).optional(),
        amount: fromTo(z.number().int().nullable()).optional(),
        interval: fromTo(z.string()).optional(),
        currentPeriodStart: fromTo(isoTime.nullable()).optional(),
        currentPeriodEnd: fromTo(isoTime.nullable()).optional(),
        cancelAtPeriodEnd: fromTo(z.boolean()).optional(),
        trialEnd: fromTo(isoTime.nullable()).optional(),
      }),
    }),
    example: { ...subscriptionExample, changes: { planId: { from: 'basic', to: 'pro' }, amount: { from: 2900, to: 9900 } } },
  },
  'subscription.cancelled': {
    description:
      "The workspace's subscription ended (Stripe's customer.subscription.deleted): cancelled by an owner, or after payments failed. The workspace moves to the free plan. planId is the plan that ended; reason is Stripe's cancellation reason (cancellation_requested, payment_failed, payment_disputed) when it gives one.",
    schema: z.object({ ...subscription, cancelledAt: isoTime, reason: z.string().nullable() }),
    example: { ...subscriptionExample, status: 'canceled', cancelledAt: '2026-12-21T10:00:00.000Z', reason: 'cancellation_requested' },
  },
  'payment.succeeded': {
    description:
      "An invoice of the workspace was paid (Stripe's invoice.paid): the amount paid, its currency, the workspace's plan and the period the invoice pays for. Sent once per invoice; not sent for an invoice of nothing (such as a trial's first).",
    schema: z.object({
      invoiceId: id,
      subscriptionId: id.nullable(),
      planId: id,
      amountPaid: z.number().int(),
      currency: z.string(),
      periodStart: isoTime.nullable(),
      periodEnd: isoTime.nullable(),
      paidAt: isoTime,
    }),
    example: {
      invoiceId: 'in_1QxY9aK2',
      subscriptionId: 'sub_1QxY8mK2',
      planId: 'pro',
      amountPaid: 9900,
      currency: 'usd',
      periodStart: '2026-11-21T10:00:00.000Z',
      periodEnd: '2026-12-21T10:00:00.000Z',
      paidAt: '2026-11-21T10:00:05.000Z',
    },
  },
  'payment.failed': {
    description:
      "A payment of the workspace's invoice failed (Stripe's invoice.payment_failed): the amount due, its currency, the workspace's plan, how many attempts were made and when Stripe tries again (null: no further attempt). Sent once per failed attempt; a failure reported after the invoice was paid sends nothing.",
    schema: z.object({
      invoiceId: id,
      subscriptionId: id.nullable(),
      planId: id,
      amountDue: z.number().int(),
      currency: z.string(),
      attemptCount: z.number().int(),
      nextPaymentAttempt: isoTime.nullable(),
    }),
    example: {
      invoiceId: 'in_1QxY9aK2',
      subscriptionId: 'sub_1QxY8mK2',
      planId: 'pro',
      amountDue: 9900,
      currency: 'usd',
      attemptCount: 1,
      nextPaymentAttempt: '2026-11-24T10:00:00.000Z',
    },
  },
} as const;

/**
 * The workspace's own billing, for its admins and its own endpoints (as Stripe keeps billing
 * data to the account's endpoints): never shown to members, never offered to marketplace apps.
 */
export const BILLING_EVENT_RESOURCES = ['subscription', 'payment'] as const;

export function isBillingEventType(type: string): boolean {
  return (BILLING_EVENT_RESOURCES as readonly string[]).includes(type.slice(0, type.indexOf('.')));
}

export type EventCatalog = typeof EVENT_CATALOG;
