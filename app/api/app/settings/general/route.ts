import { workspaceRoute } from '@/lib/http/route';
import { updateGeneralSettings } from '@/lib/tenancy/tenant-settings';

export const PATCH = workspaceRoute({ permission: 'settings.manage', body: 'json' }, async ({ tenant, member, body, ip }) =>
  Response.json(await updateGeneralSettings(tenant, member, body, ip)),
);
