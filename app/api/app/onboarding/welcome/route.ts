import { workspaceRoute } from '@/lib/http/route';
import { dismissWelcome } from '@/lib/onboarding/first-run';

/** Close the signed-in member's welcome card on this workspace. */
export const DELETE = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => {
  await dismissWelcome(tenant, member);
  return new Response(null, { status: 204 });
});
