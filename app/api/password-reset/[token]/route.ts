import { clientIp } from '@/lib/auth/client-ip';
import { resetPassword } from '@/lib/auth/password-reset';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { requestTenant, withErrors } from '@/lib/http/wrappers';

/** Public: the token is the credential. { password }: sets it, ends every session; answers where to sign in. */
export const POST = withErrors<Params<'token'>>(async (req, { params }) => {
  return Response.json(await resetPassword(await requestTenant(req), (await params).token, await readJson(req), clientIp(req.headers)));
});
