import { operatorRoute } from '@/lib/http/route';
import { platformAnalytics } from '@/lib/platform/analytics/platform-analytics';
import { parseAnalyticsRange } from '@/lib/platform/analytics/range';

/** The figures of /operator/analytics: ?days=7|30|90 or ?from=YYYY-MM-DD&to=YYYY-MM-DD (at most 366 days, ending today at the latest); anything else is the last 30 days. */
export const GET = operatorRoute({}, async ({ req }) => Response.json(await platformAnalytics(parseAnalyticsRange(Object.fromEntries(req.nextUrl.searchParams)))));
