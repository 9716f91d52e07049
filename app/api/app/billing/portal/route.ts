import { openBillingPortal } from '@/lib/billing/checkout';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

/** A Stripe customer portal session for an owner: { url }. The JSON body ({}) keeps other sites' forms out. */
export const POST = withErrors(
  withMember('billing.manage', async (req, { tenant, member }) => {
    await readJson(req);
    return Response.json(await openBillingPortal(tenant, member));
  }),
);
