import { getAvatar } from '@/lib/account/profile';
import { notFound } from '@/lib/http/problem';
import { id, workspaceRoute } from '@/lib/http/route';

/**
 * A member's picture, for this workspace's signed-in members only: the asset must belong to
 * the workspace whose host asks (another workspace's id is 404). A new upload gets a new id,
 * so the answer never changes; `private` keeps shared caches from holding it.
 */
export const GET = workspaceRoute({ permission: 'workspace.read', params: { assetId: id } }, async ({ req, tenant, params }) => {
  const asset = await getAvatar(tenant.id, params.assetId);
  if (!asset) throw notFound('No such picture.');
  const etag = `"${asset.sha256}"`;
  const headers = { 'content-type': asset.contentType, 'cache-control': 'private, max-age=31536000, immutable', etag, 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; sandbox" };
  if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(asset.data), { status: 200, headers: { ...headers, 'content-length': String(asset.size) } });
});
