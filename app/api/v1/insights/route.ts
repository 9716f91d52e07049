import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toInsightResource } from '@/lib/api/v1/schemas/insight';
import { apiRoute } from '@/lib/http/route';
import { listInsights } from '@/lib/insights/list-insights';

export const GET = apiRoute(operations.listInsights, async ({ tenant, principal }) =>
  jsonResponse({ data: (await listInsights(tenant, principal.member)).map(toInsightResource), next_cursor: null }),
);
