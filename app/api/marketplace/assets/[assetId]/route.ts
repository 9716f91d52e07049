import { sessionFromRequest } from '@/lib/auth/request-session';
import { operatorForSession } from '@/lib/auth/session';
import { notFound } from '@/lib/http/problem';
import { id, platformRoute } from '@/lib/http/route';
import { findAppImage } from '@/lib/marketplace/app-images';

/**
 * An app's logo or screenshot, on any host: a live version's images to anyone (cached for
 * good: a new upload gets a new id); other versions' to the partner and operators on the root
 * domain, and on the partner's sandbox workspace.
 */
export const GET = platformRoute({ host: 'any', params: { assetId: id } }, async ({ req, tenant, params }) => {
  const session = tenant ? null : await sessionFromRequest(req, null);
  const image = await findAppImage(params.assetId, { tenantId: tenant?.id ?? null, userId: session?.userId ?? null, isOperator: (await operatorForSession(session)) !== null });
  if (!image) throw notFound('No such image.');
  const etag = `"${image.sha256}"`;
  const headers = {
    'content-type': image.contentType,
    'cache-control': image.public ? 'public, max-age=31536000, immutable' : 'private, no-cache',
    etag,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  };
  if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(image.data), { status: 200, headers: { ...headers, 'content-length': String(image.size) } });
});
