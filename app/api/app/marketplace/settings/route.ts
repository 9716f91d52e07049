import { workspaceRoute } from '@/lib/http/route';
import { getMarketplaceControls, updateMarketplaceControls } from '@/lib/marketplace/workspace-controls';

/** Whether members may connect apps, and what the marketplace shows (all, an allow-list, hidden). */
export const GET = workspaceRoute({ permission: 'integrations.manage' }, async ({ tenant, member }) => Response.json(await getMarketplaceControls(tenant, member)));

/** { membersMayConnectApps, marketplaceMode: all|allow_list|hidden, allowList: app ids } */
export const PUT = workspaceRoute({ permission: 'integrations.manage', body: 'json' }, async ({ tenant, member, body, ip }) =>
  Response.json(await updateMarketplaceControls(tenant, member, body, ip)),
);
