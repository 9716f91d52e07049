import { id, workspaceRoute } from '@/lib/http/route';
import { rotateOAuthClientSecret } from '@/lib/oauth/apps';

/** A new client secret for a confidential app, shown once: { app, clientSecret }. The old one stops working at once. */
export const POST = workspaceRoute({ permission: 'integrations.manage', params: { appId: id } }, async ({ tenant, member, params, ip }) =>
  Response.json(await rotateOAuthClientSecret(tenant, member, params.appId, ip)),
);
