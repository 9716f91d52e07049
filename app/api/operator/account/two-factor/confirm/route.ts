import { confirmEnrolment, operatorTwoFactor } from '@/lib/account/two-factor';
import { operatorRoute } from '@/lib/http/route';

/** { code }: a code from the app turns two-factor sign-in on; answers the recovery codes, once. */
export const POST = operatorRoute({ permission: 'platform:read', twoFactorOptional: true, body: 'json' }, async ({ operator, body, ip }) => Response.json(await confirmEnrolment(operatorTwoFactor(operator), body, ip)));
