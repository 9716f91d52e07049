import { env, platformOrigin } from '../config/env.ts';

// Waypoint's identity as a SAML service provider, on the platform's root domain. Each
// connection has its own ACS URL (…/api/sso/acs/<connection id>), so a response is checked
// against that connection alone, whichever IdP entity id other workspaces have connected.

/** The assertion consumer service; a connection's ACS adds its id. */
export const ACS_PATH = '/api/sso/acs';

/** The SP metadata document; by convention also the SP entity id. */
export const SP_METADATA_PATH = '/api/sso/metadata';

/** A connection's ACS URL (without one: the shared ACS, for SP-initiated sign-ins of connections set up before per-connection URLs). */
export function acsUrl(connectionId?: string): string {
  return `${platformOrigin()}${ACS_PATH}${connectionId ? `/${encodeURIComponent(connectionId)}` : ''}`;
}

/** The SP metadata; a connection's names its own ACS URL. */
export function spMetadataUrl(connectionId?: string): string {
  return `${platformOrigin()}${SP_METADATA_PATH}${connectionId ? `/${encodeURIComponent(connectionId)}` : ''}`;
}

/** The SP entity id (the audience IdPs put in their assertions). SAML_SP_ENTITY_ID pins it. */
export function spEntityId(): string {
  return env().SAML_SP_ENTITY_ID || spMetadataUrl();
}
