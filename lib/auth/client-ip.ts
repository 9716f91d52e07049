import { readTrusted } from '../http/trusted-headers.ts';

/**
 * The caller's IP address as Waypoint's HTTP server worked it out from the socket and the
 * trusted proxy hops (lib/server/client-address.ts), sealed into the request's headers; null
 * when the request did not come through that server (e.g. a test calling a handler directly).
 * Never read X-Forwarded-For here: the client writes it.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  return readTrusted(headers).clientIp;
}
