import { goalPage } from '@/lib/api/v1/goal-pages';
import { idempotent } from '@/lib/api/v1/idempotency';
import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { parseBody, parseQuery } from '@/lib/api/v1/parse';
import { readBody } from '@/lib/api/v1/request-body';
import { GoalCreate, GoalListQuery, toGoalResource } from '@/lib/api/v1/schemas/goal';
import { withApiAuth } from '@/lib/api/with-api-auth';
import { createGoal } from '@/lib/goals/goals';

export const GET = withApiAuth(operations.listGoals.path, operations.listGoals.scope, async (req, { tenant, principal }) => {
  return jsonResponse(await goalPage(tenant, principal.member, parseQuery(GoalListQuery, req)));
});

export const POST = withApiAuth(operations.createGoal.path, operations.createGoal.scope, async (req, ctx) => {
  const body = await readBody(req);
  return idempotent(req, ctx, body.raw, async () => {
    const input = parseBody(GoalCreate, body.json);
    return jsonResponse(toGoalResource(await createGoal(ctx.tenant, ctx.principal.member, input)), { status: 201 });
  });
});
