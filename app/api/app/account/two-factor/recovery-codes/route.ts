import { memberTwoFactor, regenerateRecoveryCodes } from '@/lib/account/two-factor';
import { workspaceRoute } from '@/lib/http/route';

/** { code }: ten new recovery codes (answered once); the old ones stop working. */
export const POST = workspaceRoute({ permission: 'workspace.read', body: 'json' }, async ({ tenant, member, body, ip }) => Response.json(await regenerateRecoveryCodes(memberTwoFactor(tenant, member), body, ip)));
