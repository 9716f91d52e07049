import { habitLogPage } from '@/lib/api/v1/habit-pages';
import { idempotent } from '@/lib/api/v1/idempotency';
import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { parseBody, parseQuery } from '@/lib/http/validate';
import { readBody } from '@/lib/api/v1/request-body';
import { HabitLogCreate, HabitLogListQuery, toHabitLogResult } from '@/lib/api/v1/schemas/habit';
import { withApiAuth } from '@/lib/api/with-api-auth';
import { logHabit } from '@/lib/habits/habit-logs';
import type { Params } from '@/lib/http/route-params';

export const GET = withApiAuth<Params<'id'>>(operations.listHabitLogs.path, operations.listHabitLogs.scope, async (req, { tenant, principal, params }) => {
  const { id } = await params;
  return jsonResponse(await habitLogPage(tenant, principal.member, id, parseQuery(HabitLogListQuery, req)));
});

/** A day logged twice is the service's 409 conflict; a retry with the same Idempotency-Key is a replay instead. */
export const POST = withApiAuth<Params<'id'>>(operations.logHabit.path, operations.logHabit.scope, async (req, ctx) => {
  const { id } = await ctx.params;
  const body = await readBody(req);
  return idempotent(req, ctx, body.raw, async () => {
    const input = parseBody(HabitLogCreate, body.json);
    return jsonResponse(toHabitLogResult(id, await logHabit(ctx.tenant, ctx.principal.member, id, input)), { status: 201 });
  });
});
