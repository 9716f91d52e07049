import { workspaceRoute } from '@/lib/http/route';
import { createDirectory, listDirectories } from '@/lib/scim/directories';

/** The workspace's SCIM directories (admins only), never with their tokens. */
export const GET = workspaceRoute({ permission: 'integrations.manage' }, async ({ tenant, member }) => Response.json({ directories: await listDirectories(tenant, member) }));

/** The answer carries the bearer token once: { directory, token }. */
export const POST = workspaceRoute({ permission: 'integrations.manage', body: 'json' }, async ({ tenant, member, body, ip }) =>
  Response.json(await createDirectory(tenant, member, body, ip), { status: 201 }),
);
