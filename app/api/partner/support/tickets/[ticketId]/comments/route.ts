import { id, partnerRoute } from '@/lib/http/route';
import { partnerViewer } from '@/lib/support/ticket-access';
import { readTicketBody } from '@/lib/support/ticket-body';
import { commentSchema } from '@/lib/support/ticket-schema';
import { addComment } from '@/lib/support/tickets';

/** The partner answers a workspace (`then`: open, pending, resolved) or writes on its own ticket to Waypoint. */
export const POST = partnerRoute({ need: 'view', params: { ticketId: id }, rawBody: true }, async ({ req, actor, params }) => {
  const { input, files } = await readTicketBody(req, commentSchema);
  return Response.json(await addComment(partnerViewer(actor), params.ticketId, input, files), { status: 201 });
});
