import { openBillingPortal } from '@/lib/billing/checkout';
import { workspaceRoute } from '@/lib/http/route';

/** A Stripe customer portal session for an owner: { url }. The body is an empty JSON object ({}), read and ignored. */
export const POST = workspaceRoute({ permission: 'billing.manage', body: 'json' }, async ({ tenant, member }) => Response.json(await openBillingPortal(tenant, member)));
