import { notFound } from '@/lib/http/problem';
import { withErrors, withTenant } from '@/lib/http/wrappers';
import { getBrandAsset } from '@/lib/tenancy/tenant-settings';

type Ctx = { params: Promise<{ assetId: string }> };

/** A workspace's uploaded logo or favicon. A new upload gets a new id, so this never changes. */
export const GET = withErrors<Ctx>(
  withTenant<Ctx>(async (req, { tenant, params }) => {
    const { assetId } = await params;
    const asset = /^[a-z0-9]{10,40}$/.test(assetId) ? await getBrandAsset(tenant.id, assetId) : null;
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
  }),
);
