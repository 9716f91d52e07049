import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withErrors, withPlatform } from '@/lib/http/wrappers';
import { completeSignup } from '@/lib/signup/sign-up';

/** Public: the emailed token is the credential. { slug? }: creates the account and workspace; answers where to send the browser. */
export const POST = withErrors<Params<'token'>>(
  withPlatform<Params<'token'>>(async (req, { params }) => {
    const result = await completeSignup((await params).token, await readJson(req), clientIp(req.headers));
    return Response.json({ tenant: { id: result.tenantId, slug: result.slug }, redirectTo: result.redirectTo }, { status: 201 });
  }),
);
