import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import { withErrors, withPlatform } from '@/lib/http/wrappers';
import { signUp } from '@/lib/signup/sign-up';

/** Creates a workspace and its owner; answers where to send the browser next. */
export const POST = withErrors(
  withPlatform(async (req) => {
    const result = await signUp(await readJson(req), clientIp(req.headers));
    return Response.json({ tenant: { id: result.tenantId, slug: result.slug }, redirectTo: result.redirectTo }, { status: 201 });
  }),
);
