import type { SAMLSSORecord } from '@boxyhq/saml-jackson';
import { tenantDb } from '../db/tenant-db.ts';
import type { SsoConnection } from '../db/generated/client.ts';
import { logger } from '../observability/logger.ts';
import { idpMetadataFrom, type ParsedIdpMetadata } from './idp-metadata.ts';
import { getJackson } from './jackson.ts';

// Connections made before the IdP metadata moved onto SsoConnection kept it only in Jackson's
// store (encrypted, so no SQL migration can read it). The first time such a connection is used,
// its metadata is read from Jackson into the connection, so nobody has to paste it again.

export async function withIdpMetadata(connection: SsoConnection): Promise<SsoConnection> {
  if (connection.idpSsoUrl || !connection.jacksonClientId) return connection;
  const { connectionAPIController } = await getJackson();
  const [stored] = (await connectionAPIController.getConnections({ clientID: connection.jacksonClientId })) as SAMLSSORecord[];
  if (!stored?.idpMetadata) return connection;
  let idp;
  try {
    // Jackson only ever accepted an IdP's metadata; older records may not say so.
    idp = idpMetadataFrom({ loginType: 'idp', ...stored.idpMetadata } as ParsedIdpMetadata);
  } catch (error) {
    logger().warn({ err: error, connectionId: connection.id }, 'sso: the metadata Jackson kept for this connection is incomplete');
    return connection;
  }
  const saved = await tenantDb(connection.tenantId).ssoConnection.update({
    where: { id: connection.id },
    data: { idpEntityId: idp.entityId, idpSsoUrl: idp.ssoUrl, idpSsoBinding: idp.ssoBinding, idpCertificates: idp.certificates },
  });
  logger().info({ connectionId: connection.id, tenantId: connection.tenantId }, 'sso: IdP metadata imported from Jackson');
  return saved;
}
