import { workspaceRoute } from '@/lib/http/route';
import { createOAuthApp, listOAuthApps } from '@/lib/oauth/apps';

/** The OAuth apps this workspace has registered (admins only), never with a client secret. */
export const GET = workspaceRoute({ permission: 'integrations.manage' }, async ({ tenant, member }) => Response.json({ apps: await listOAuthApps(tenant, member) }));

/** The answer carries a confidential app's client secret once: { app, clientSecret } (null for a public app). */
export const POST = workspaceRoute({ permission: 'integrations.manage', body: 'json' }, async ({ tenant, member, body, ip }) =>
  Response.json(await createOAuthApp(tenant, member, body, ip), { status: 201 }),
);
