import { id, operatorRoute } from '@/lib/http/route';
import { attachmentResponse } from '@/lib/support/attachments';
import { operatorViewer } from '@/lib/support/ticket-access';
import { ticketAttachment } from '@/lib/support/tickets';

export const GET = operatorRoute({ params: { ticketId: id, assetId: id } }, async ({ operator, params }) => attachmentResponse(await ticketAttachment(operatorViewer(operator), params.ticketId, params.assetId)));
