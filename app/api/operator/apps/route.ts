import { operatorRoute } from '@/lib/http/route';
import { appListQuerySchema, listAppsForOperator } from '@/lib/marketplace/app-review';

/** Every app (?status=all|draft|published|deprecated|removed). */
export const GET = operatorRoute({ query: appListQuerySchema }, async ({ operator, query }) => Response.json({ apps: await listAppsForOperator(operator, query) }));
