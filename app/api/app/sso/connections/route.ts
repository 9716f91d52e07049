import { workspaceRoute } from '@/lib/http/route';
import { createSsoConnection, listSsoConnections } from '@/lib/sso/sso-connections';

export const runtime = 'nodejs';

export const GET = workspaceRoute({ permission: 'settings.manage' }, async ({ tenant }) => Response.json({ connections: await listSsoConnections(tenant.id) }));

/** { name, metadataXml } or { name, metadataUrl }. IdP metadata can be large: up to 600 KB. */
export const POST = workspaceRoute({ permission: 'settings.manage', body: 'json', maxBodyBytes: 600 * 1024 }, async ({ tenant, member, body, ip }) =>
  Response.json(await createSsoConnection(tenant, member, body, ip), { status: 201 }),
);
