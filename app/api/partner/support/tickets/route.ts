import { partnerRoute } from '@/lib/http/route';
import { partnerViewer } from '@/lib/support/ticket-access';
import { readTicketBody } from '@/lib/support/ticket-body';
import { openOperatorTicketSchema, ticketListQuery } from '@/lib/support/ticket-schema';
import { listTickets, openOperatorTicket } from '@/lib/support/tickets';

/** Workspaces' tickets about the partner's apps (owners, developers) and the partner's own to Waypoint. */
export const GET = partnerRoute({ need: 'view', query: ticketListQuery }, async ({ actor, query }) => Response.json(await listTickets(partnerViewer(actor), query)));

/** Contact Waypoint support: JSON, or multipart/form-data with `attachments`. */
export const POST = partnerRoute({ need: 'view', rawBody: true }, async ({ req, actor }) => {
  const { input, files } = await readTicketBody(req, openOperatorTicketSchema);
  return Response.json(await openOperatorTicket(actor, input, files), { status: 201 });
});
