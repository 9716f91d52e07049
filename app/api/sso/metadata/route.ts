import { platformRoute } from '@/lib/http/route';
import { getJackson } from '@/lib/sso/jackson';

// Waypoint's SAML SP metadata (entity id, ACS URL, signing certificate) for IdP admins; the
// same document for every workspace. ?download=1 serves it as a file.
export const runtime = 'nodejs';

export const GET = platformRoute({ host: 'any', auth: 'none' }, async ({ req }) => {
  const { spConfig } = await getJackson();
  const xml = await spConfig.toXMLMetadata();
  const headers: Record<string, string> = { 'content-type': 'application/samlmetadata+xml; charset=utf-8', 'cache-control': 'public, max-age=300' };
  if (req.nextUrl.searchParams.get('download') === '1') headers['content-disposition'] = 'attachment; filename="waypoint-sp-metadata.xml"';
  return new Response(xml, { headers });
});
