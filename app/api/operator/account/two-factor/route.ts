import { beginEnrolment, operatorTwoFactor, twoFactorStatus } from '@/lib/account/two-factor';
import { operatorRoute } from '@/lib/http/route';

// Staff turn 2FA on here before anything else in the console: open to every role, with or without it.

/** Whether two-factor sign-in is on, and how many recovery codes are left. */
export const GET = operatorRoute({ permission: 'platform:read', twoFactorOptional: true }, async ({ operator }) => Response.json(await twoFactorStatus(operator)));

/** Starts adding an authenticator app: a new secret, as text and as a QR code. On after /confirm. */
export const POST = operatorRoute({ permission: 'platform:read', twoFactorOptional: true }, async ({ operator }) => Response.json(await beginEnrolment(operatorTwoFactor(operator))));
