import { requestPasswordReset } from '@/lib/auth/password-reset';
import { platformRoute } from '@/lib/http/route';

/** { email }: "Forgot password?" on this host (a workspace, or the root domain). The same 202 for every address. */
export const POST = platformRoute({ host: 'any', auth: 'none', sameOrigin: true, body: 'json' }, async ({ tenant, body, ip }) =>
  Response.json(await requestPasswordReset(tenant, body, ip), { status: 202 }),
);
