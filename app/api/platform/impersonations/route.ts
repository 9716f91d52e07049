import { operatorRoute } from '@/lib/http/route';
import { requestImpersonation } from '@/lib/platform/impersonation';

/** Support asks to act as a member: { tenantId, userId, reason, minutes?, readOnly? }. Approved at once unless the workspace requires an owner's approval. */
export const POST = operatorRoute({ permission: 'platform:support', body: 'json' }, async ({ operator, body, ip }) =>
  Response.json(await requestImpersonation(operator, body, ip), { status: 201 }),
);
