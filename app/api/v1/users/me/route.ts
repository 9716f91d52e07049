import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toMeResource } from '@/lib/api/v1/schemas/user';
import { apiRoute } from '@/lib/http/route';

export const GET = apiRoute(operations.getMe, async ({ tenant, principal }) => jsonResponse(toMeResource(principal.member, tenant)));
