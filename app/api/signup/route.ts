import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import { withErrors, withPlatform } from '@/lib/http/wrappers';
import { startSignup } from '@/lib/signup/sign-up';

/** The sign-up form: emails a link and answers "check your email", the same for every address. */
export const POST = withErrors(
  withPlatform(async (req) => {
    return Response.json(await startSignup(await readJson(req), clientIp(req.headers)), { status: 202 });
  }),
);
