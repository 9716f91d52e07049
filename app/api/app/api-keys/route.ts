import { createApiKey, listApiKeys } from '@/lib/api-keys/api-keys';
import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

const PRIVATE = { 'cache-control': 'no-store' };

/** Admins see every key of the workspace; others the keys they made. */
export const GET = withErrors(withMember('workspace.read', async (_req, { tenant, member }) => Response.json({ keys: await listApiKeys(tenant, member) }, { headers: PRIVATE })));

/** The answer carries the secret once; it is never retrievable again. */
export const POST = withErrors(
  withMember('workspace.read', async (req, { tenant, member }) => Response.json(await createApiKey(tenant, member, await readJson(req), clientIp(req.headers)), { status: 201, headers: PRIVATE })),
);
