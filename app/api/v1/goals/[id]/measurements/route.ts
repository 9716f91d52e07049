import { jsonResponse } from '@/lib/api/v1/json-response';
import { measurementPage } from '@/lib/api/v1/measurement-pages';
import { operations } from '@/lib/api/v1/operations';
import { apiRoute } from '@/lib/http/route';

export const GET = apiRoute(operations.listGoalMeasurements, async ({ tenant, principal, params, query }) => jsonResponse(await measurementPage(tenant, principal.member, params.id, query)));
