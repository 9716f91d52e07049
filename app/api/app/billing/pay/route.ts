import { payOpenInvoice } from '@/lib/billing/checkout';
import { workspaceRoute } from '@/lib/http/route';

/** Where an owner pays the unpaid invoice (its hosted page, else the portal): { url }. The body is an empty JSON object ({}), read and ignored. */
export const POST = workspaceRoute({ permission: 'billing.manage', body: 'json' }, async ({ tenant, member }) => Response.json(await payOpenInvoice(tenant, member)));
