import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { listAuthorizedApps } from '@/lib/oauth/grants';

/** Every third-party app authorized in this workspace, by a person or for the workspace itself (admins only). */
export const GET = withErrors(
  withMember('integrations.manage', async (_req, { tenant, member }) => Response.json({ grants: await listAuthorizedApps(tenant, member) }, { headers: { 'cache-control': 'no-store' } })),
);
