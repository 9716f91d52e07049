import { analyticsOverview } from '@/lib/api/v1/analytics-overview';
import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { withApiAuth } from '@/lib/api/with-api-auth';

export const GET = withApiAuth(operations.getAnalyticsOverview.path, operations.getAnalyticsOverview.scope, async (_req, { tenant, principal }) => {
  return jsonResponse(await analyticsOverview(tenant, principal.member));
});
