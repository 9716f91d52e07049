import { resetPassword } from '@/lib/auth/password-reset';
import { platformRoute, token } from '@/lib/http/route';

/** Public: the token is the credential. { password }: sets it, ends every session; answers where to sign in. */
export const POST = platformRoute({ host: 'any', auth: 'token', sameOrigin: true, params: { token }, body: 'json' }, async ({ tenant, params, body, ip }) =>
  Response.json(await resetPassword(tenant, params.token, body, ip)),
);
