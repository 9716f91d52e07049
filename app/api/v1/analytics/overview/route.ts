import { analyticsOverview } from '@/lib/api/v1/analytics-overview';
import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { apiRoute } from '@/lib/http/route';

export const GET = apiRoute(operations.getAnalyticsOverview, async ({ tenant, principal }) => jsonResponse(await analyticsOverview(tenant, principal.member)));
