import { operatorTwoFactor, regenerateRecoveryCodes } from '@/lib/account/two-factor';
import { operatorRoute } from '@/lib/http/route';

/** { code }: ten new recovery codes (answered once); the old ones stop working. */
export const POST = operatorRoute({ permission: 'platform:read', body: 'json' }, async ({ operator, body, ip }) => Response.json(await regenerateRecoveryCodes(operatorTwoFactor(operator), body, ip)));
