import { env, platformOrigin } from '../config/env.ts';

// Waypoint's identity as a SAML service provider. Jackson serves every workspace from one
// ACS on the platform's root domain; the connection (looked up by the IdP's issuer, or by
// the session an SP-initiated login started) tells which workspace a response is for.

/** Jackson's "product": every connection of ours carries it; the tenant is the workspace id. */
export const SSO_PRODUCT = 'waypoint';

/** The assertion consumer service, on the platform origin. */
export const ACS_PATH = '/api/sso/acs';

/** The SP metadata document; by convention also the SP entity id. */
export const SP_METADATA_PATH = '/api/sso/metadata';

/**
 * Jackson's OAuth code is exchanged in-process by the ACS handler, so this redirect_uri is only
 * what Jackson's allow-list checks and is never visited. It does not depend on ROOT_DOMAIN, so
 * connections survive a change of the platform's host.
 */
export const INTERNAL_REDIRECT_URI = 'https://sso.waypoint.invalid/complete';

export function acsUrl(): string {
  return `${platformOrigin()}${ACS_PATH}`;
}

export function spMetadataUrl(): string {
  return `${platformOrigin()}${SP_METADATA_PATH}`;
}

/** The SP entity id (the audience IdPs put in their assertions). SAML_SP_ENTITY_ID pins it. */
export function spEntityId(): string {
  return env().SAML_SP_ENTITY_ID || spMetadataUrl();
}
