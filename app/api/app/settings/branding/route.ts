import { workspaceRoute } from '@/lib/http/route';
import { updateBranding } from '@/lib/tenancy/tenant-settings';

export const PATCH = workspaceRoute({ permission: 'settings.manage', body: 'json' }, async ({ tenant, member, body, ip }) =>
  Response.json(await updateBranding(tenant, member, body, ip)),
);
