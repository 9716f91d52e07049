import { platformRoute } from '@/lib/http/route';
import { spMetadataResponse } from '@/lib/sso/sp-metadata';

// Waypoint's SAML SP metadata for IdP admins, signed with the SP key. Its URL is the SP entity
// id; each connection's own document (/api/sso/metadata/<id>) names that connection's ACS URL.
// ?download=1 serves it as a file.
export const runtime = 'nodejs';

export const GET = platformRoute({ host: 'any', auth: 'none' }, async ({ req }) => spMetadataResponse(null, req.nextUrl.searchParams.get('download') === '1'));
