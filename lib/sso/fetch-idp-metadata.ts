import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { assertPublicUrl, type LookupFn } from '../webhooks/ssrf-guard.ts';

// Downloads an IdP's metadata from the URL an admin gave. The URL is tenant-supplied, so it
// goes through the same SSRF guard as webhooks, and the socket connects only to the vetted
// addresses (no second DNS lookup that rebinding could swap). Jackson's own fetch is not used.

export const METADATA_LIMIT_BYTES = 1_000_000;

export class MetadataFetchError extends Error {}

export interface FetchMetadataOptions {
  timeoutMs?: number;
  /** Development and tests: a metadata server on this machine, over http. */
  allowLocalhost?: boolean;
  lookup?: LookupFn;
}

export async function fetchIdpMetadata(url: string, options: FetchMetadataOptions = {}): Promise<string> {
  const { timeoutMs = 8000, allowLocalhost = false, lookup } = options;
  let vetted: { url: URL; addresses: string[] };
  try {
    vetted = await assertPublicUrl(url, { allowLocalhost, requireHttps: !allowLocalhost, lookup });
  } catch (error) {
    throw new MetadataFetchError((error as Error).message.replace('Webhook URL', 'Metadata URL'));
  }
  return get(vetted.url, vetted.addresses, timeoutMs);
}

function pinnedLookup(addresses: string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIP(address) }));
  return (_hostname, options, callback) => {
    if (options.all) callback(null, entries);
    else callback(null, entries[0].address, entries[0].family);
  };
}

function get(url: URL, addresses: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const isHttps = url.protocol === 'https:';
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const request = (isHttps ? https : http).request({
      method: 'GET',
      hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml', 'user-agent': 'Waypoint-SAML/1' },
      lookup: pinnedLookup(addresses),
      servername: isHttps && isIP(hostname) === 0 ? hostname : undefined,
      agent: false,
    });
    const fail = (message: string) => {
      clearTimeout(timer);
      request.destroy();
      reject(new MetadataFetchError(message));
    };
    const timer = setTimeout(() => fail(`The metadata URL did not answer within ${timeoutMs / 1000} seconds.`), timeoutMs);
    request.on('error', (error) => fail(`Could not download the metadata: ${error.message}`));
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        fail(status >= 300 && status < 400 ? 'The metadata URL redirects; use the address it redirects to.' : `The metadata URL answered ${status}.`);
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > METADATA_LIMIT_BYTES) fail('The metadata is larger than 1 MB.');
        else chunks.push(chunk);
      });
      response.on('end', () => {
        clearTimeout(timer);
        resolve(Buffer.concat(chunks).toString('utf8'));
      });
    });
    request.end();
  });
}
