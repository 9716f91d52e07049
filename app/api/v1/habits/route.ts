import { habitPage } from '@/lib/api/v1/habit-pages';
import { idempotent } from '@/lib/api/v1/idempotency';
import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { parseBody, parseQuery } from '@/lib/http/validate';
import { readBody } from '@/lib/api/v1/request-body';
import { HabitCreate, HabitListQuery, toHabitResource } from '@/lib/api/v1/schemas/habit';
import { withApiAuth } from '@/lib/api/with-api-auth';
import { createHabit } from '@/lib/habits/habits';

export const GET = withApiAuth(operations.listHabits.path, operations.listHabits.scope, async (req, { tenant, principal }) => {
  return jsonResponse(await habitPage(tenant, principal.member, parseQuery(HabitListQuery, req)));
});

export const POST = withApiAuth(operations.createHabit.path, operations.createHabit.scope, async (req, ctx) => {
  const body = await readBody(req);
  return idempotent(req, ctx, body.raw, async () => {
    const input = parseBody(HabitCreate, body.json);
    return jsonResponse(toHabitResource(await createHabit(ctx.tenant, ctx.principal.member, input)), { status: 201 });
  });
});
