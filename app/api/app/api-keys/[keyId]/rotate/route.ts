import { rotateApiKey } from '@/lib/api-keys/api-keys';
import { id, workspaceRoute } from '@/lib/http/route';
import { readJson } from '@/lib/http/read-json';

/**
 * New secret (shown once); the old one works for graceHours more (default 24). The body may be
 * left out, which the builder's body specs do not express, so the handler reads it (rawBody).
 */
export const POST = workspaceRoute({ permission: 'workspace.read', params: { keyId: id }, rawBody: true }, async ({ req, tenant, member, params, ip }) => {
  const body = req.headers.get('content-length') === '0' || !req.body ? {} : await readJson(req);
  return Response.json(await rotateApiKey(tenant, member, params.keyId, body, ip));
});
