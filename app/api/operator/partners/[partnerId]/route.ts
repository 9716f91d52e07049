import { id, operatorRoute } from '@/lib/http/route';
import { decidePartner } from '@/lib/partners/partners';

/** Approve or reject an application, suspend or reinstate a partner: { action, reason } (a reason is required to reject or suspend; it is emailed). */
export const PATCH = operatorRoute({ params: { partnerId: id }, body: 'json' }, async ({ operator, params, body, ip }) =>
  Response.json({ partner: await decidePartner(operator, params.partnerId, body, ip) }),
);
