import { listMySessions } from '@/lib/account/sessions';
import { workspaceRoute } from '@/lib/http/route';

/** The signed-in person's active sessions on this workspace; `current` marks this one. */
export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => Response.json({ sessions: await listMySessions(tenant, member) }));
