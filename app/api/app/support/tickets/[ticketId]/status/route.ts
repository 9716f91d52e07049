import { id, workspaceRoute } from '@/lib/http/route';
import { workspaceViewer } from '@/lib/support/ticket-access';
import { statusSchema } from '@/lib/support/ticket-schema';
import { changeStatus } from '@/lib/support/tickets';

/** Resolve (`resolved`) or reopen (`open`, within 14 days of the resolution). */
export const POST = workspaceRoute({ permission: 'integrations.manage', params: { ticketId: id }, body: statusSchema }, async ({ tenant, member, params, body }) => Response.json(await changeStatus(workspaceViewer(tenant, member), params.ticketId, body.status)));
