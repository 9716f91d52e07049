import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { createSsoConnection, listSsoConnections } from '@/lib/sso/sso-connections';

export const runtime = 'nodejs';

export const GET = withErrors(withMember('settings.manage', async (_req, { tenant }) => Response.json({ connections: await listSsoConnections(tenant.id) })));

/** { name, metadataXml } or { name, metadataUrl }. IdP metadata can be large: up to 600 KB. */
export const POST = withErrors(
  withMember('settings.manage', async (req, { tenant, member }) => {
    const connection = await createSsoConnection(tenant, member, await readJson(req, 600 * 1024), clientIp(req.headers));
    return Response.json(connection, { status: 201 });
  }),
);
