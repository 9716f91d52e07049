import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { createEndpoint, listEndpoints } from '@/lib/webhooks/endpoints';

const PRIVATE = { 'cache-control': 'no-store' };

/** The workspace's webhook endpoints (admins only), never with their secrets. */
export const GET = withErrors(withMember('integrations.manage', async (_req, { tenant, member }) => Response.json({ endpoints: await listEndpoints(tenant, member) }, { headers: PRIVATE })));

/** The answer carries the signing secret once: { endpoint, secret }. */
export const POST = withErrors(
  withMember('integrations.manage', async (req, { tenant, member }) => Response.json(await createEndpoint(tenant, member, await readJson(req)), { status: 201, headers: PRIVATE })),
);
