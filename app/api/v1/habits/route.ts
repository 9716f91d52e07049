import { habitPage } from '@/lib/api/v1/habit-pages';
import { idempotent } from '@/lib/api/v1/idempotency';
import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toHabitResource } from '@/lib/api/v1/schemas/habit';
import { createHabit } from '@/lib/habits/habits';
import { apiRoute } from '@/lib/http/route';

export const GET = apiRoute(operations.listHabits, async ({ tenant, principal, query }) => jsonResponse(await habitPage(tenant, principal.member, query)));

export const POST = apiRoute(operations.createHabit, async (ctx) =>
  idempotent(ctx.req, ctx, ctx.rawBody, async () => jsonResponse(toHabitResource(await createHabit(ctx.tenant, ctx.principal.member, ctx.body)), { status: 201 })),
);
