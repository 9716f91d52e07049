import { platformRoute, token } from '@/lib/http/route';
import { completeSignup } from '@/lib/signup/sign-up';

/** Public: the emailed token is the credential. { slug? }: creates the account and workspace; answers where to send the browser. */
export const POST = platformRoute({ host: 'root', auth: 'token', sameOrigin: true, params: { token }, body: 'json' }, async ({ params, body, ip }) => {
  const result = await completeSignup(params.token, body, ip);
  return Response.json({ tenant: { id: result.tenantId, slug: result.slug }, redirectTo: result.redirectTo }, { status: 201 });
});
