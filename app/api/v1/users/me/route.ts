import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toMeResource } from '@/lib/api/v1/schemas/user';
import { withApiAuth } from '@/lib/api/with-api-auth';

export const GET = withApiAuth(operations.getMe.path, operations.getMe.scope, async (_req, { tenant, principal }) => {
  return jsonResponse(toMeResource(principal.member, tenant));
});
