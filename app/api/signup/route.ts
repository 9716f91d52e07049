import { platformRoute } from '@/lib/http/route';
import { signUp } from '@/lib/signup/sign-up';

/** Creates a workspace and its owner; answers where to send the browser next. Posted by our own sign-up page. */
export const POST = platformRoute({ host: 'root', auth: 'none', sameOrigin: true, body: 'json' }, async ({ body, ip }) => {
  const result = await signUp(body, ip);
  return Response.json({ tenant: { id: result.tenantId, slug: result.slug }, redirectTo: result.redirectTo }, { status: 201 });
});
