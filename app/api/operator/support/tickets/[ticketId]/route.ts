import { id, operatorRoute } from '@/lib/http/route';
import { operatorViewer } from '@/lib/support/ticket-access';
import { getTicket } from '@/lib/support/tickets';

export const GET = operatorRoute({ params: { ticketId: id } }, async ({ operator, params }) => Response.json(await getTicket(operatorViewer(operator), params.ticketId)));
