import { id, workspaceRoute } from '@/lib/http/route';
import { attachmentResponse } from '@/lib/support/attachments';
import { workspaceViewer } from '@/lib/support/ticket-access';
import { ticketAttachment } from '@/lib/support/tickets';

/** A file attached to one of the workspace's tickets, as a download. */
export const GET = workspaceRoute({ permission: 'integrations.manage', params: { ticketId: id, assetId: id } }, async ({ tenant, member, params }) => attachmentResponse(await ticketAttachment(workspaceViewer(tenant, member), params.ticketId, params.assetId)));
