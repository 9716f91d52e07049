import { setPlanByOperator } from '@/lib/billing/set-plan';
import { id, operatorRoute } from '@/lib/http/route';

/** The platform operator sets a workspace's plan by hand: { plan }. Root domain only; audited in the workspace's log. */
export const PUT = operatorRoute({ permission: 'platform:billing', params: { tenantId: id }, body: 'json' }, async ({ operator, params, body, ip }) =>
  Response.json(await setPlanByOperator(operator, params.tenantId, body, ip)),
);
