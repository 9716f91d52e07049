import { workspaceRoute } from '@/lib/http/route';
import { getSsoConfig, updateSsoConfig } from '@/lib/sso/sso-config';

export const GET = workspaceRoute({ permission: 'settings.manage' }, async ({ tenant }) => Response.json(await getSsoConfig(tenant)));

/** { roleAttribute, roleMapping: [{ value, role }], defaultRole }. */
export const PUT = workspaceRoute({ permission: 'settings.manage', body: 'json' }, async ({ tenant, member, body, ip }) =>
  Response.json(await updateSsoConfig(tenant, member, body, ip)),
);
