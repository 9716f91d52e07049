import { etaggedResponse } from '@/lib/api/v1/etag';
import { jsonResponse, noContent } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toGoalResource } from '@/lib/api/v1/schemas/goal';
import { deleteGoal, getGoal, updateGoal } from '@/lib/goals/goals';
import { apiRoute } from '@/lib/http/route';

// Goals the key's creator cannot see, and ids of other workspaces, are 404 (lib/goals/goal-access.ts).

export const GET = apiRoute(operations.getGoal, async ({ req, tenant, principal, params }) => etaggedResponse(req, toGoalResource(await getGoal(tenant, principal.member, params.id))));

export const PATCH = apiRoute(operations.updateGoal, async ({ tenant, principal, params, body }) => jsonResponse(toGoalResource(await updateGoal(tenant, principal.member, params.id, body))));

export const DELETE = apiRoute(operations.deleteGoal, async ({ tenant, principal, params }) => {
  await deleteGoal(tenant, principal.member, params.id);
  return noContent();
});
