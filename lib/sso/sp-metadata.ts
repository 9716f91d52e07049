import { db } from '../db/client.ts';
import { notFound } from '../http/problem.ts';
import { spMetadataXml } from './saml-sp.ts';

/** The SP metadata document as served (a connection's names its own ACS URL); `download` serves it as a file. */
export async function spMetadataResponse(connectionId: string | null, download: boolean): Promise<Response> {
  if (connectionId && !(await db.ssoConnection.count({ where: { id: connectionId } }))) throw notFound('No such SAML connection.');
  const headers: Record<string, string> = { 'content-type': 'application/samlmetadata+xml; charset=utf-8', 'cache-control': 'public, max-age=300' };
  if (download) headers['content-disposition'] = 'attachment; filename="waypoint-sp-metadata.xml"';
  return new Response(spMetadataXml(connectionId ?? undefined), { headers });
}
