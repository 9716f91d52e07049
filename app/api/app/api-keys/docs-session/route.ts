import { mintDocsTryItKey } from '@/lib/api-keys/docs-try-it-key';
import { workspaceRoute } from '@/lib/http/route';

/**
 * A temporary, read-only key for the API docs' "Try it" (an hour, within the member's role,
 * audit-logged, rate-limited per member). The secret is in this answer only.
 */
export const POST = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member, ip }) =>
  Response.json(await mintDocsTryItKey(tenant, member, ip), { status: 201, headers: { 'cache-control': 'no-store' } }),
);
