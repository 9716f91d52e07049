import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { createDirectory, listDirectories } from '@/lib/scim/directories';

const PRIVATE = { 'cache-control': 'no-store' };

/** The workspace's SCIM directories (admins only), never with their tokens. */
export const GET = withErrors(withMember('integrations.manage', async (_req, { tenant, member }) => Response.json({ directories: await listDirectories(tenant, member) }, { headers: PRIVATE })));

/** The answer carries the bearer token once: { directory, token }. */
export const POST = withErrors(
  withMember('integrations.manage', async (req, { tenant, member }) =>
    Response.json(await createDirectory(tenant, member, await readJson(req), clientIp(req.headers)), { status: 201, headers: PRIVATE }),
  ),
);
