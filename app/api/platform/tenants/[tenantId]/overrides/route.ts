import { listOverrides, setOverride } from '@/lib/billing/tenant-overrides';
import { id, operatorRoute } from '@/lib/http/route';

/** The operator's overrides of a workspace's plan. Root domain only. */
export const GET = operatorRoute({ params: { tenantId: id } }, async ({ operator, params }) => Response.json(await listOverrides(operator, params.tenantId)));

/** Sets one: { key, value, note, expiresAt? } (a feature on/off, or a limit's value). Audited in the platform log. */
export const PUT = operatorRoute({ permission: 'platform:billing', params: { tenantId: id }, body: 'json' }, async ({ operator, params, body, ip }) =>
  Response.json(await setOverride(operator, params.tenantId, body, ip)),
);
