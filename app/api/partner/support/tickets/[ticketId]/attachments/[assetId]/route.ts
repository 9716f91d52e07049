import { id, partnerRoute } from '@/lib/http/route';
import { attachmentResponse } from '@/lib/support/attachments';
import { partnerViewer } from '@/lib/support/ticket-access';
import { ticketAttachment } from '@/lib/support/tickets';

export const GET = partnerRoute({ need: 'view', params: { ticketId: id, assetId: id } }, async ({ actor, params }) => attachmentResponse(await ticketAttachment(partnerViewer(actor), params.ticketId, params.assetId)));
