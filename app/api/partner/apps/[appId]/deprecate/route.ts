import { id, partnerRoute } from '@/lib/http/route';
import { deprecateApp } from '@/lib/marketplace/app-lifecycle';

/** Hides the app from the marketplace; existing installations keep working. */
export const POST = partnerRoute({ need: 'develop', params: { appId: id }, body: 'optional-json' }, async ({ actor, params, body, ip }) => {
  await deprecateApp({ partner: actor }, params.appId, body, ip);
  return new Response(null, { status: 204 });
});
