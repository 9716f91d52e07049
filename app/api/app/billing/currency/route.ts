import { setBillingCurrency } from '@/lib/billing/checkout';
import { workspaceRoute } from '@/lib/http/route';

/** An owner picks the currency the workspace is billed in: { currency: 'eur' }. 409 currency_locked while a subscription exists. */
export const PUT = workspaceRoute({ permission: 'billing.manage', body: 'json' }, async ({ tenant, member, body, ip }) => Response.json(await setBillingCurrency(tenant, member, body, ip)));
