import { changePlan } from '@/lib/billing/checkout';
import { workspaceRoute } from '@/lib/http/route';

/**
 * An owner subscribes or changes plan: { plan }. Answers { kind: 'checkout', url } (go to
 * Stripe Checkout), 'updated' (the subscription's price was changed), 'cancel_scheduled'
 * (free: the subscription ends with its period) or 'unchanged'.
 */
export const POST = workspaceRoute({ permission: 'billing.manage', body: 'json' }, async ({ tenant, member, body, ip }) =>
  Response.json(await changePlan(tenant, member, body, ip)),
);
