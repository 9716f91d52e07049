import { etaggedResponse } from '@/lib/api/v1/etag';
import { jsonResponse, noContent } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { parseBody } from '@/lib/api/v1/parse';
import { readBody } from '@/lib/api/v1/request-body';
import { GoalUpdate, toGoalResource } from '@/lib/api/v1/schemas/goal';
import { withApiAuth } from '@/lib/api/with-api-auth';
import { deleteGoal, getGoal, updateGoal } from '@/lib/goals/goals';
import type { Params } from '@/lib/http/route-params';

// Goals the key's creator cannot see, and ids of other workspaces, are 404 (lib/goals/goal-access.ts).

export const GET = withApiAuth<Params<'id'>>(operations.getGoal.path, operations.getGoal.scope, async (req, { tenant, principal, params }) => {
  const { id } = await params;
  return etaggedResponse(req, toGoalResource(await getGoal(tenant, principal.member, id)));
});

export const PATCH = withApiAuth<Params<'id'>>(operations.updateGoal.path, operations.updateGoal.scope, async (req, { tenant, principal, params }) => {
  const { id } = await params;
  const input = parseBody(GoalUpdate, (await readBody(req)).json);
  return jsonResponse(toGoalResource(await updateGoal(tenant, principal.member, id, input)));
});

export const DELETE = withApiAuth<Params<'id'>>(operations.deleteGoal.path, operations.deleteGoal.scope, async (_req, { tenant, principal, params }) => {
  const { id } = await params;
  await deleteGoal(tenant, principal.member, id);
  return noContent();
});
