import { operatorRoute } from '@/lib/http/route';
import { listRequests, recordRequest } from '@/lib/privacy/requests';

/** The register of data subject requests: open ones (most urgent first, overdue flagged) and the latest completed. */
export const GET = operatorRoute({}, async () => Response.json(await listRequests()));

/** Records a request: { kind, subjectEmail, tenantId?, details?, receivedAt? }; due 30 days after it arrived. */
export const POST = operatorRoute({ body: 'json' }, async ({ operator, body, ip }) => Response.json(await recordRequest(operator, body, ip), { status: 201 }));
