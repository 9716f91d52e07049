import { operatorRoute } from '@/lib/http/route';
import { runBulkAction } from '@/lib/platform/bulk-actions';

/**
 * Several workspaces at once: { action: change_plan | suspend | notice, tenantIds (at most 100), plan | reason | subject and body }.
 * Any staff role passes the door; the action decides (plans: platform:billing, the rest: platform:manage). Each workspace is
 * audited on its own and reported: done, skipped (with why), not_found or failed.
 */
export const POST = operatorRoute({ permission: 'platform:read', body: 'json' }, async ({ operator, body, ip }) => Response.json(await runBulkAction(operator, body, ip)));
