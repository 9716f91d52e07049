import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withErrors, withPlatform } from '@/lib/http/wrappers';
import { acceptResellerInvitation } from '@/lib/resellers/reseller-users';

/** Accepts a reseller invitation (new account: name + password; existing: its password). The browser signs in next. */
export const POST = withErrors<Params<'token'>>(
  withPlatform<Params<'token'>>(async (req, { params }) => {
    const result = await acceptResellerInvitation((await params).token, await readJson(req), clientIp(req.headers));
    return Response.json({ email: result.email }, { status: 201 });
  }),
);
