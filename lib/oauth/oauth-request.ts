import OAuth2Server from '@node-oauth/oauth2-server';
import { readBytes } from '../http/read-bytes.ts';
import { InvalidClientError, InvalidRequestError } from './oauth-errors.ts';

// Turns a Fetch API request (what Next route handlers get) into the library's Request: a POST
// with an application/x-www-form-urlencoded body (RFC 6749 §3.2), every parameter at most once.

const MAX_BODY_BYTES = 16 * 1024;

export async function readOAuthRequest(req: Request): Promise<OAuth2Server.Request> {
  if (req.method !== 'POST') throw new InvalidRequestError('Invalid request: method must be POST', { code: 405 });
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
    throw new InvalidRequestError('Invalid request: content must be application/x-www-form-urlencoded');
  }
  const raw = await readBytes(req, MAX_BODY_BYTES);
  const params = new URLSearchParams(raw.toString('utf8'));
  const body: Record<string, string> = Object.create(null);
  for (const [name, value] of params) {
    if (Object.hasOwn(body, name)) throw new InvalidRequestError(`Invalid request: parameter ${name} is repeated`);
    body[name] = value;
  }
  const headers: Record<string, string> = Object.fromEntries(req.headers);
  // The library's media type check wants to see a body length.
  headers['content-length'] = String(raw.length);
  delete headers['transfer-encoding'];
  return new OAuth2Server.Request({ method: 'POST', headers, query: {}, body });
}

export interface ClientCredentials {
  clientId: string | null;
  clientSecret: string | null;
  /** Authenticated with HTTP Basic (client_secret_basic). */
  basic: boolean;
}

/** RFC 6749 §2.3.1: the id and secret are form-urlencoded, then joined and base64-encoded. */
function decodeBasic(header: string): { clientId: string; clientSecret: string } {
  const match = /^Basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(header);
  const decoded = match ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new InvalidClientError('Invalid client: malformed HTTP Basic credentials', { code: 401 });
  try {
    return { clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')), clientSecret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')) };
  } catch {
    throw new InvalidClientError('Invalid client: malformed HTTP Basic credentials', { code: 401 });
  }
}

/**
 * The client's credentials from either client_secret_basic or client_secret_post (or just a
 * client_id for public clients), refusing requests that use both methods (RFC 6749 §2.3).
 */
export function clientCredentials(request: OAuth2Server.Request): ClientCredentials {
  const header = request.get('authorization') as string | undefined;
  const body = request.body as Record<string, string>;
  if (header && /^Basic\s/i.test(header)) {
    if (body.client_secret !== undefined) throw new InvalidRequestError('Invalid request: use one client authentication method, client_secret_basic or client_secret_post, not both');
    const { clientId, clientSecret } = decodeBasic(header);
    if (body.client_id !== undefined && body.client_id !== clientId) throw new InvalidRequestError('Invalid request: client_id differs from the one in the Authorization header');
    return { clientId, clientSecret, basic: true };
  }
  return { clientId: body.client_id ?? null, clientSecret: body.client_secret ?? null, basic: false };
}
