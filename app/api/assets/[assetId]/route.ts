import { notFound } from '@/lib/http/problem';
import { id, workspaceRoute } from '@/lib/http/route';
import { getBrandAsset } from '@/lib/tenancy/tenant-settings';

/** A workspace's uploaded logo or favicon. A new upload gets a new id, so this never changes. */
export const GET = workspaceRoute({ auth: 'none', params: { assetId: id } }, async ({ req, tenant, params }) => {
  const asset = await getBrandAsset(tenant.id, params.assetId);
  if (!asset) throw notFound('No such image.');
  const etag = `"${asset.sha256}"`;
  const headers = {
    'content-type': asset.contentType,
    'cache-control': 'public, max-age=31536000, immutable',
    etag,
    'x-content-type-options': 'nosniff',
    // An SVG opened directly must not run scripts on the tenant's origin.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  };
  if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(asset.data), { status: 200, headers: { ...headers, 'content-length': String(asset.size) } });
});
