import { getProfile, updateProfile } from '@/lib/account/profile';
import { workspaceRoute } from '@/lib/http/route';

/** The signed-in member's profile: name, picture, time zone, locale. */
export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => Response.json(await getProfile(tenant, member)));

/** { name, timeZone, locale } ('' for time zone or locale: the workspace's). */
export const PATCH = workspaceRoute({ permission: 'workspace.read', body: 'json' }, async ({ tenant, member, body, ip }) => Response.json(await updateProfile(tenant, member, body, ip)));
