import { id, operatorRoute } from '@/lib/http/route';
import { eraseOnRequest } from '@/lib/privacy/operator-erasure';

/** Erases a person everywhere on request: { reason, requestId? } (an open erasure request about them, then completed). Refused (409) for staff and a workspace's last owner. Audited. */
export const POST = operatorRoute({ permission: 'platform:manage', params: { userId: id }, body: 'json' }, async ({ operator, params, body, ip }) => Response.json(await eraseOnRequest(operator, params.userId, body, ip)));
