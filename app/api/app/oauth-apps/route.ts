import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { createOAuthApp, listOAuthApps } from '@/lib/oauth/apps';

const PRIVATE = { 'cache-control': 'no-store' };

/** The OAuth apps this workspace has registered (admins only), never with a client secret. */
export const GET = withErrors(withMember('integrations.manage', async (_req, { tenant, member }) => Response.json({ apps: await listOAuthApps(tenant, member) }, { headers: PRIVATE })));

/** The answer carries a confidential app's client secret once: { app, clientSecret } (null for a public app). */
export const POST = withErrors(
  withMember('integrations.manage', async (req, { tenant, member }) => Response.json(await createOAuthApp(tenant, member, await readJson(req), clientIp(req.headers)), { status: 201, headers: PRIVATE })),
);
