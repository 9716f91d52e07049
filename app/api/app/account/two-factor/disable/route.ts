import { disableTwoFactor, memberTwoFactor } from '@/lib/account/two-factor';
import { workspaceRoute } from '@/lib/http/route';

/** { code } or { password }: turns two-factor sign-in off. */
export const POST = workspaceRoute({ permission: 'workspace.read', body: 'json' }, async ({ tenant, member, body, ip }) => {
  await disableTwoFactor(memberTwoFactor(tenant, member), body, ip);
  return new Response(null, { status: 204 });
});
