import { id, partnerRoute } from '@/lib/http/route';
import { removeAppImage } from '@/lib/marketplace/app-images';

/** Takes the logo or a screenshot off the version being edited. */
export const DELETE = partnerRoute({ need: 'develop', params: { appId: id, assetId: id } }, async ({ actor, params }) => {
  await removeAppImage(actor, params.appId, params.assetId);
  return new Response(null, { status: 204 });
});
