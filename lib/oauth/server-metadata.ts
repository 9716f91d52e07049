import type { TenantContext } from '../tenancy/tenant-context.ts';
import { issuerFor } from './issuer.ts';
import { OAUTH_SCOPES } from './oauth-scopes.ts';
import { GRANT_TYPES } from './oauth-server.ts';
import { ID_TOKEN_ALG } from './signing-keys.ts';

/**
 * The metadata of one workspace's authorization server: one document, served both as RFC 8414
 * (/.well-known/oauth-authorization-server) and as OpenID Connect Discovery
 * (/.well-known/openid-configuration), so the two never disagree.
 */
export function serverMetadata(tenant: Pick<TenantContext, 'slug'>) {
  const issuer = issuerFor(tenant);
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth/authorize`,
    token_endpoint: `${issuer}/oauth/token`,
    revocation_endpoint: `${issuer}/oauth/revoke`,
    introspection_endpoint: `${issuer}/oauth/introspect`,
    userinfo_endpoint: `${issuer}/oauth/userinfo`,
    jwks_uri: `${issuer}/oauth/jwks`,
    scopes_supported: OAUTH_SCOPES,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: GRANT_TYPES,
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    // RFC 9207: authorization responses carry iss, so clients can tell workspaces apart.
    authorization_response_iss_parameter_supported: true,
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [ID_TOKEN_ALG],
    claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'at_hash', 'name', 'email', 'email_verified'],
    service_documentation: `${issuer}/developers/docs/oauth`,
  };
}

export function serverMetadataResponse(tenant: Pick<TenantContext, 'slug'>): Response {
  return Response.json(serverMetadata(tenant), { headers: { 'cache-control': 'public, max-age=300' } });
}
