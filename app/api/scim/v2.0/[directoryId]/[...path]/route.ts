import { id, platformRoute, segments } from '@/lib/http/route';
import { scimErrorResponse } from '@/lib/scim/scim-errors';
import { handleScimRequest } from '@/lib/scim/scim-handler';

// SCIM 2.0 for identity providers (Okta, Entra ID, any SCIM client): /Users, /Groups,
// /ServiceProviderConfig and /ResourceTypes of one directory (on its workspace's host, or the
// root domain), authenticated by the directory's bearer token. Every answer, errors included, is
// application/scim+json (lib/scim/scim-errors.ts).

const handle = platformRoute(
  { host: 'any', auth: 'bearer', params: { directoryId: id, path: segments }, rawBody: true, fail: (error) => scimErrorResponse(error) },
  ({ req, params }) => handleScimRequest(req, params.directoryId, params.path),
);

export const dynamic = 'force-dynamic';
export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
