import { id, workspaceRoute } from '@/lib/http/route';
import { workspaceViewer } from '@/lib/support/ticket-access';
import { readTicketBody } from '@/lib/support/ticket-body';
import { commentSchema } from '@/lib/support/ticket-schema';
import { addComment } from '@/lib/support/tickets';

/** The workspace answers (JSON, or multipart/form-data with `attachments`); a pending or resolved ticket goes back to the partner. */
export const POST = workspaceRoute({ permission: 'integrations.manage', params: { ticketId: id }, rawBody: true }, async ({ req, tenant, member, params }) => {
  const { input, files } = await readTicketBody(req, commentSchema);
  return Response.json(await addComment(workspaceViewer(tenant, member), params.ticketId, input, files), { status: 201 });
});
