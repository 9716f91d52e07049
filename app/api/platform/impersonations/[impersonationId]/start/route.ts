import { id, operatorRoute } from '@/lib/http/route';
import { startImpersonation } from '@/lib/platform/impersonation';

/** Starts an approved impersonation; answers the URL that opens it on the workspace's host (valid once, for two minutes). */
export const POST = operatorRoute({ permission: 'platform:support', params: { impersonationId: id } }, async ({ operator, params, ip }) =>
  Response.json(await startImpersonation(operator, params.impersonationId, ip)),
);
