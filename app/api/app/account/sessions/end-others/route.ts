import { endMyOtherSessions } from '@/lib/account/sessions';
import { workspaceRoute } from '@/lib/http/route';

/** Ends every session the signed-in person has on this workspace except this one. */
export const POST = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => Response.json(await endMyOtherSessions(tenant, member)));
