import { id, operatorRoute } from '@/lib/http/route';
import { operatorViewer } from '@/lib/support/ticket-access';
import { readTicketBody } from '@/lib/support/ticket-body';
import { commentSchema } from '@/lib/support/ticket-schema';
import { addComment } from '@/lib/support/tickets';

/** Waypoint answers a partner (`then`: open, pending, resolved). */
export const POST = operatorRoute({ permission: 'platform:support', params: { ticketId: id }, rawBody: true }, async ({ req, operator, params }) => {
  const { input, files } = await readTicketBody(req, commentSchema);
  return Response.json(await addComment(operatorViewer(operator), params.ticketId, input, files), { status: 201 });
});
