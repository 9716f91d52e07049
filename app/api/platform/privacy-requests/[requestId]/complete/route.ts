import { id, operatorRoute } from '@/lib/http/route';
import { completeRequest } from '@/lib/privacy/requests';

/** Completes a request with what was done: { outcome }. */
export const POST = operatorRoute({ params: { requestId: id }, body: 'json' }, async ({ operator, params, body, ip }) => Response.json(await completeRequest(operator, params.requestId, body, ip)));
