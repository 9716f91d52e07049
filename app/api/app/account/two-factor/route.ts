import { beginEnrolment, memberTwoFactor, twoFactorStatus } from '@/lib/account/two-factor';
import { workspaceRoute } from '@/lib/http/route';

/** Whether two-factor sign-in is on, and how many recovery codes are left. */
export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ member }) => Response.json(await twoFactorStatus(member)));

/** Starts adding an authenticator app: a new secret, as text and as a QR code. On after /confirm. */
export const POST = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => Response.json(await beginEnrolment(memberTwoFactor(tenant, member))));
