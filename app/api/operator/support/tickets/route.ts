import { operatorRoute } from '@/lib/http/route';
import { operatorViewer } from '@/lib/support/ticket-access';
import { ticketListQuery } from '@/lib/support/ticket-schema';
import { listTickets } from '@/lib/support/tickets';

/** Partners' tickets to Waypoint. */
export const GET = operatorRoute({ query: ticketListQuery }, async ({ operator, query }) => Response.json(await listTickets(operatorViewer(operator), query)));
