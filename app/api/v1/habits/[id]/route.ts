import { etaggedResponse } from '@/lib/api/v1/etag';
import { jsonResponse, noContent } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toHabitResource } from '@/lib/api/v1/schemas/habit';
import { deleteHabit, getHabit, updateHabit } from '@/lib/habits/habits';
import { apiRoute } from '@/lib/http/route';

// Habits are personal: anyone else's, and ids of other workspaces, are 404 (lib/habits/owned-habit.ts).

export const GET = apiRoute(operations.getHabit, async ({ req, tenant, principal, params }) => etaggedResponse(req, toHabitResource(await getHabit(tenant, principal.member, params.id))));

export const PATCH = apiRoute(operations.updateHabit, async ({ tenant, principal, params, body }) => jsonResponse(toHabitResource(await updateHabit(tenant, principal.member, params.id, body))));

export const DELETE = apiRoute(operations.deleteHabit, async ({ tenant, principal, params }) => {
  await deleteHabit(tenant, principal.member, params.id);
  return noContent();
});
