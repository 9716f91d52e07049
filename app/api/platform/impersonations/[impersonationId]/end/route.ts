import { id, operatorRoute } from '@/lib/http/route';
import { endImpersonation } from '@/lib/platform/impersonation';

/** Ends a running impersonation from the console. */
export const POST = operatorRoute({ permission: 'platform:support', params: { impersonationId: id } }, async ({ operator, params, ip }) =>
  Response.json(await endImpersonation(params.impersonationId, { kind: 'operator', actor: { id: operator.userId, email: operator.email } }, ip)),
);
