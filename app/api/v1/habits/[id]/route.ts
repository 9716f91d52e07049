import { etaggedResponse } from '@/lib/api/v1/etag';
import { jsonResponse, noContent } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { parseBody } from '@/lib/http/validate';
import { readBody } from '@/lib/api/v1/request-body';
import { HabitUpdate, toHabitResource } from '@/lib/api/v1/schemas/habit';
import { withApiAuth } from '@/lib/api/with-api-auth';
import { deleteHabit, getHabit, updateHabit } from '@/lib/habits/habits';
import type { Params } from '@/lib/http/route-params';

// Habits are personal: anyone else's, and ids of other workspaces, are 404 (lib/habits/owned-habit.ts).

export const GET = withApiAuth<Params<'id'>>(operations.getHabit.path, operations.getHabit.scope, async (req, { tenant, principal, params }) => {
  const { id } = await params;
  return etaggedResponse(req, toHabitResource(await getHabit(tenant, principal.member, id)));
});

export const PATCH = withApiAuth<Params<'id'>>(operations.updateHabit.path, operations.updateHabit.scope, async (req, { tenant, principal, params }) => {
  const { id } = await params;
  const input = parseBody(HabitUpdate, (await readBody(req)).json);
  return jsonResponse(toHabitResource(await updateHabit(tenant, principal.member, id, input)));
});

export const DELETE = withApiAuth<Params<'id'>>(operations.deleteHabit.path, operations.deleteHabit.scope, async (_req, { tenant, principal, params }) => {
  const { id } = await params;
  await deleteHabit(tenant, principal.member, id);
  return noContent();
});
