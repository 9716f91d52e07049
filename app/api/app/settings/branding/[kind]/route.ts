import { IMAGE_MEDIA_TYPES, MAX_BYTES } from '@/lib/branding/image-upload';
import { oneOf, workspaceRoute } from '@/lib/http/route';
import { removeBrandImage, uploadBrandImage } from '@/lib/tenancy/tenant-settings';

const params = { kind: oneOf(['logo', 'favicon']) };

/**
 * Upload: the raw image is the request body, sent with an image media type (or
 * application/octet-stream when the browser does not know the file's); the bytes then decide
 * what it is (lib/branding/image-upload.ts).
 */
export const POST = workspaceRoute(
  { permission: 'settings.manage', params, body: { bytes: MAX_BYTES.logo, types: IMAGE_MEDIA_TYPES } },
  async ({ tenant, member, params, body, ip }) => Response.json({ url: await uploadBrandImage(tenant, member, params.kind, body.bytes, ip) }, { status: 201 }),
);

export const DELETE = workspaceRoute({ permission: 'settings.manage', params }, async ({ tenant, member, params, ip }) => {
  await removeBrandImage(tenant, member, params.kind, ip);
  return new Response(null, { status: 204 });
});
