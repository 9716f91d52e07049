import { clientIp } from '@/lib/auth/client-ip';
import { changePlan } from '@/lib/billing/checkout';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

/**
 * An owner subscribes or changes plan: { plan }. Answers { kind: 'checkout', url } (go to
 * Stripe Checkout), 'updated' (the subscription's price was changed), 'cancel_scheduled'
 * (free: the subscription ends with its period) or 'unchanged'.
 */
export const POST = withErrors(
  withMember('billing.manage', async (req, { tenant, member }) => Response.json(await changePlan(tenant, member, await readJson(req), clientIp(req.headers)))),
);
