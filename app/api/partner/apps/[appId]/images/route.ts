import { z } from 'zod';
import { IMAGE_MEDIA_TYPES } from '@/lib/branding/image-upload';
import { id, partnerRoute } from '@/lib/http/route';
import { APP_IMAGE_MAX_BYTES, uploadAppImage } from '@/lib/marketplace/app-images';

const query = z.object({ kind: z.enum(['logo', 'screenshot'], { message: 'kind is logo or screenshot.' }) }).strict();

/** Uploads the logo (?kind=logo) or a screenshot (?kind=screenshot): the raw image is the body. */
export const POST = partnerRoute(
  { need: 'develop', params: { appId: id }, query, body: { bytes: APP_IMAGE_MAX_BYTES.screenshot, types: IMAGE_MEDIA_TYPES } },
  async ({ actor, params, query, body }) => Response.json(await uploadAppImage(actor, params.appId, query.kind, body.bytes), { status: 201 }),
);
