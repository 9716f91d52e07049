import { id, operatorRoute } from '@/lib/http/route';
import { deprecateApp } from '@/lib/marketplace/app-lifecycle';

/** Hides the app from the marketplace; existing installations keep working. */
export const POST = operatorRoute({ params: { appId: id }, body: 'optional-json' }, async ({ operator, params, body, ip }) => {
  await deprecateApp({ operator }, params.appId, body, ip);
  return new Response(null, { status: 204 });
});
