import type OAuth2Server from '@node-oauth/oauth2-server';
import { InvalidClientError } from './oauth-errors.ts';
import { authenticateClient, type OAuthClient } from './oauth-clients.ts';
import { clientCredentials } from './oauth-request.ts';

/**
 * The client of a revocation or introspection request: confidential clients by their secret
 * (client_secret_basic or client_secret_post), public ones by client_id alone.
 */
export async function requestClient(request: OAuth2Server.Request, options: { confidentialOnly?: boolean } = {}): Promise<OAuthClient> {
  const { clientId, clientSecret } = clientCredentials(request);
  if (!clientId) throw new InvalidClientError('Invalid client: cannot retrieve client credentials');
  const client = await authenticateClient(clientId, clientSecret);
  if (!client) throw new InvalidClientError('Invalid client: client is invalid');
  if (options.confidentialOnly && client.app.clientType !== 'confidential') throw new InvalidClientError('Invalid client: only confidential clients may use this endpoint');
  return client;
}

