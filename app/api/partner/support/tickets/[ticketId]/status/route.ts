import { id, partnerRoute } from '@/lib/http/route';
import { partnerViewer } from '@/lib/support/ticket-access';
import { statusSchema } from '@/lib/support/ticket-schema';
import { changeStatus } from '@/lib/support/tickets';

export const POST = partnerRoute({ need: 'view', params: { ticketId: id }, body: statusSchema }, async ({ actor, params, body }) => Response.json(await changeStatus(partnerViewer(actor), params.ticketId, body.status)));
