import { id, operatorRoute } from '@/lib/http/route';
import { operatorViewer } from '@/lib/support/ticket-access';
import { statusSchema } from '@/lib/support/ticket-schema';
import { changeStatus } from '@/lib/support/tickets';

export const POST = operatorRoute({ permission: 'platform:support', params: { ticketId: id }, body: statusSchema }, async ({ operator, params, body }) => Response.json(await changeStatus(operatorViewer(operator), params.ticketId, body.status)));
