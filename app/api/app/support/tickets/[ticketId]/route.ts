import { id, workspaceRoute } from '@/lib/http/route';
import { workspaceViewer } from '@/lib/support/ticket-access';
import { getTicket } from '@/lib/support/tickets';

/** A ticket of the workspace and its comments. */
export const GET = workspaceRoute({ permission: 'integrations.manage', params: { ticketId: id } }, async ({ tenant, member, params }) => Response.json(await getTicket(workspaceViewer(tenant, member), params.ticketId)));
