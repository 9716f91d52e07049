import { confirmEnrolment, memberTwoFactor } from '@/lib/account/two-factor';
import { workspaceRoute } from '@/lib/http/route';

/** { code }: a code from the app turns two-factor sign-in on; answers the recovery codes, once. */
export const POST = workspaceRoute({ permission: 'workspace.read', body: 'json' }, async ({ tenant, member, body, ip }) => Response.json(await confirmEnrolment(memberTwoFactor(tenant, member), body, ip)));
