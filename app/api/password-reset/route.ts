import { clientIp } from '@/lib/auth/client-ip';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { readJson } from '@/lib/http/read-json';
import { requestTenant, withErrors } from '@/lib/http/wrappers';

/** { email }: "Forgot password?" on this host (a workspace, or the root domain). The same 202 for every address. */
export const POST = withErrors(async (req) => {
  return Response.json(await requestPasswordReset(await requestTenant(req), await readJson(req), clientIp(req.headers)), { status: 202 });
});
