import { id, operatorRoute } from '@/lib/http/route';
import { changeTenantStatus } from '@/lib/platform/tenant-lifecycle';

/** Moves a workspace through its lifecycle: { action: suspend | reactivate | cancel | schedule_deletion | restore, reason }. Audited in both logs; the owners are emailed. */
export const POST = operatorRoute({ params: { tenantId: id }, body: 'json' }, async ({ operator, params, body, ip }) =>
  Response.json(await changeTenantStatus(operator, params.tenantId, body, ip)),
);
