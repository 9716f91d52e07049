import { AVATAR_MAX_BYTES, AVATAR_MEDIA_TYPES, removeAvatar, uploadAvatar } from '@/lib/account/profile';
import { workspaceRoute } from '@/lib/http/route';

/**
 * Upload: the raw image (the square the browser cropped) is the body; the server checks its
 * real type, size and dimensions (lib/account/profile.ts).
 */
export const POST = workspaceRoute({ permission: 'workspace.read', body: { bytes: AVATAR_MAX_BYTES, types: AVATAR_MEDIA_TYPES } }, async ({ tenant, member, body, ip }) =>
  Response.json({ url: await uploadAvatar(tenant, member, body.bytes, ip) }, { status: 201 }),
);

export const DELETE = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member, ip }) => {
  await removeAvatar(tenant, member, ip);
  return new Response(null, { status: 204 });
});
