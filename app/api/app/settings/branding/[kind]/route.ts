import { clientIp } from '@/lib/auth/client-ip';
import { MAX_BYTES, type ImageKind } from '@/lib/branding/image-upload';
import { notFound } from '@/lib/http/problem';
import { readBytes } from '@/lib/http/read-bytes';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { removeBrandImage, uploadBrandImage } from '@/lib/tenancy/tenant-settings';

async function kindOf(params: Params<'kind'>['params']): Promise<ImageKind> {
  const { kind } = await params;
  if (kind !== 'logo' && kind !== 'favicon') throw notFound('Upload a logo or a favicon.');
  return kind;
}

/** Upload: the raw image is the request body (its bytes decide its type, not the header). */
export const POST = withErrors<Params<'kind'>>(
  withMember<Params<'kind'>>('settings.manage', async (req, { tenant, member, params }) => {
    const kind = await kindOf(params);
    const url = await uploadBrandImage(tenant, member, kind, await readBytes(req, MAX_BYTES[kind]), clientIp(req.headers));
    return Response.json({ url }, { status: 201 });
  }),
);

export const DELETE = withErrors<Params<'kind'>>(
  withMember<Params<'kind'>>('settings.manage', async (req, { tenant, member, params }) => {
    await removeBrandImage(tenant, member, await kindOf(params), clientIp(req.headers));
    return new Response(null, { status: 204 });
  }),
);
