import { changePassword } from '@/lib/account/change-password';
import { workspaceRoute } from '@/lib/http/route';

/** { currentPassword, newPassword }: changes the password and ends the account's other sessions. */
export const POST = workspaceRoute({ permission: 'workspace.read', body: 'json' }, async ({ tenant, member, body, ip }) => Response.json(await changePassword(tenant, member, body, ip)));
