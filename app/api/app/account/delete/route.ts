import { platformOrigin } from '@/lib/config/env';
import { workspaceRoute } from '@/lib/http/route';
import { deleteOwnAccount } from '@/lib/privacy/delete-account';

/** { password?, code?, confirm: "delete my account" }: erases the account everywhere (after re-authentication; refused while the last owner of a workspace). */
export const POST = workspaceRoute({ permission: 'workspace.read', body: 'json' }, async ({ tenant, member, body, ip }) => {
  const outcome = await deleteOwnAccount(tenant, member, body, ip);
  return Response.json({ deleted: true, workspaces: outcome.workspaces, redirectTo: platformOrigin() });
});
