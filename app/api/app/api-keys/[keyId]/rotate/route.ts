import { rotateApiKey } from '@/lib/api-keys/api-keys';
import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

/** New secret (shown once); the old one works for graceHours more (default 24). */
export const POST = withErrors<Params<'keyId'>>(
  withMember<Params<'keyId'>>('workspace.read', async (req, { tenant, member, params }) => {
    const body = req.headers.get('content-length') === '0' || !req.body ? {} : await readJson(req);
    return Response.json(await rotateApiKey(tenant, member, (await params).keyId, body, clientIp(req.headers)), { headers: { 'cache-control': 'no-store' } });
  }),
);
