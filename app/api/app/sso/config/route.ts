import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { getSsoConfig, updateSsoConfig } from '@/lib/sso/sso-config';

export const GET = withErrors(withMember('settings.manage', async (_req, { tenant }) => Response.json(await getSsoConfig(tenant))));

/** { requireSso, roleAttribute, roleMapping: [{ value, role }], defaultRole }. */
export const PUT = withErrors(
  withMember('settings.manage', async (req, { tenant, member }) => Response.json(await updateSsoConfig(tenant, member, await readJson(req), clientIp(req.headers)))),
);
