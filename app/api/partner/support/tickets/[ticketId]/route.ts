import { id, partnerRoute } from '@/lib/http/route';
import { partnerViewer } from '@/lib/support/ticket-access';
import { getTicket } from '@/lib/support/tickets';

export const GET = partnerRoute({ need: 'view', params: { ticketId: id } }, async ({ actor, params }) => Response.json(await getTicket(partnerViewer(actor), params.ticketId)));
