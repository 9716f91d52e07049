import { id, platformRoute } from '@/lib/http/route';
import { spMetadataResponse } from '@/lib/sso/sp-metadata';

// A connection's SP metadata: the same entity id and certificate, with its own ACS URL.
export const runtime = 'nodejs';

export const GET = platformRoute({ host: 'any', auth: 'none', params: { connectionId: id } }, async ({ req, params }) => spMetadataResponse(params.connectionId, req.nextUrl.searchParams.get('download') === '1'));
