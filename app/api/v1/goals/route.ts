import { goalPageJson } from '@/lib/api/v1/goal-pages';
import { idempotent } from '@/lib/api/v1/idempotency';
import { jsonResponse, jsonTextResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toGoalResource } from '@/lib/api/v1/schemas/goal';
import { createGoal } from '@/lib/goals/goals';
import { apiRoute } from '@/lib/http/route';

export const GET = apiRoute(operations.listGoals, async ({ tenant, principal, query }) => jsonTextResponse(await goalPageJson(tenant, principal.member, query)));

export const POST = apiRoute(operations.createGoal, async (ctx) =>
  idempotent(ctx.req, ctx, ctx.rawBody, async () => jsonResponse(toGoalResource(await createGoal(ctx.tenant, ctx.principal.member, ctx.body)), { status: 201 })),
);
