import { removeOverride } from '@/lib/billing/tenant-overrides';
import { id, operatorRoute } from '@/lib/http/route';

/** Removes the override of one key: the plan's own value applies again. Audited in the platform log. */
export const DELETE = operatorRoute({ permission: 'platform:billing', params: { tenantId: id, key: id } }, async ({ operator, params, ip }) =>
  Response.json(await removeOverride(operator, params.tenantId, params.key, ip)),
);
