import { id, workspaceRoute } from '@/lib/http/route';
import { readJson } from '@/lib/http/read-json';
import { rotateEndpointSecret } from '@/lib/webhooks/endpoints';

/**
 * New secret (shown once): { endpoint, secret }; the old one keeps signing for graceHours
 * (default 24). The body may be left out, which the builder's body specs do not express, so
 * the handler reads it (rawBody).
 */
export const POST = workspaceRoute({ permission: 'integrations.manage', params: { endpointId: id }, rawBody: true }, async ({ req, tenant, member, params }) => {
  const body = req.headers.get('content-length') === '0' || !req.body ? {} : await readJson(req);
  return Response.json(await rotateEndpointSecret(tenant, member, params.endpointId, body));
});
