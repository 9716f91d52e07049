import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { updateBranding } from '@/lib/tenancy/tenant-settings';

export const PATCH = withErrors(
  withMember('settings.manage', async (req, { tenant, member }) => Response.json(await updateBranding(tenant, member, await readJson(req), clientIp(req.headers)))),
);
