import { IMAGE_MEDIA_TYPES } from '@/lib/branding/image-upload';
import { partnerRoute } from '@/lib/http/route';
import { APP_IMAGE_MAX_BYTES } from '@/lib/marketplace/app-images';
import { removePartnerLogo, uploadPartnerLogo } from '@/lib/partners/partner-logo';

/** An owner uploads the partner's logo: the raw image is the body (PNG, JPEG, WebP or SVG as app logos). */
export const POST = partnerRoute({ need: 'owner', body: { bytes: APP_IMAGE_MAX_BYTES.logo, types: IMAGE_MEDIA_TYPES } }, async ({ actor, body, ip }) =>
  Response.json(await uploadPartnerLogo(actor, body.bytes, ip), { status: 201 }),
);

export const DELETE = partnerRoute({ need: 'owner' }, async ({ actor, ip }) => {
  await removePartnerLogo(actor, ip);
  return new Response(null, { status: 204 });
});
