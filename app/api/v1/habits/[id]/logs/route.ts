import { habitLogPage } from '@/lib/api/v1/habit-pages';
import { idempotent } from '@/lib/api/v1/idempotency';
import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toHabitLogResult } from '@/lib/api/v1/schemas/habit';
import { logHabit } from '@/lib/habits/habit-logs';
import { apiRoute } from '@/lib/http/route';

export const GET = apiRoute(operations.listHabitLogs, async ({ tenant, principal, params, query }) => jsonResponse(await habitLogPage(tenant, principal.member, params.id, query)));

/** A day logged twice is the service's 409 conflict; a retry with the same Idempotency-Key is a replay instead. */
export const POST = apiRoute(operations.logHabit, async (ctx) =>
  idempotent(ctx.req, ctx, ctx.rawBody, async () =>
    jsonResponse(toHabitLogResult(ctx.params.id, await logHabit(ctx.tenant, ctx.principal.member, ctx.params.id, ctx.body)), { status: 201 }),
  ),
);
