import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

// Which address is the client's. Proxies in front of the app (load balancers, CDNs) append the
// address they received the request from to X-Forwarded-For; only entries added by proxies we
// trust mean anything, the rest were written by the client. Configured by TRUSTED_PROXY_HOPS
// (how many proxies, default 0: the socket's address is the client) or TRUSTED_PROXIES (their
// addresses, in proxy-addr's syntax: "10.0.0.0/8, 192.168.1.1, loopback").

export type Trust = (address: string, hop: number) => boolean;

export function trustFrom(options: { hops: number; proxies?: string }): Trust {
  if (options.proxies) {
    const list = options.proxies.split(',').map((entry) => entry.trim()).filter(Boolean);
    return proxyaddr.compile(list);
  }
  const hops = options.hops;
  return (_address, hop) => hop < hops;
}

/** IPv4 clients of a dual-stack socket appear as ::ffff:1.2.3.4; allowlists are written as 1.2.3.4. */
export function normalizeIp(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1] : address).toLowerCase();
}

/** The client's address, per the trusted hops; never a value that is not an IP address. */
export function clientAddress(req: IncomingMessage, trust: Trust): string {
  const socket = normalizeIp(req.socket.remoteAddress ?? '');
  let address: string;
  try {
    address = normalizeIp(proxyaddr(req, trust));
  } catch {
    address = socket;
  }
  // A misconfigured hop count can land on a client-written entry: never pass on junk.
  return isIP(address) ? address : socket;
}

/** Whether the socket's peer is one of our proxies (whose X-Request-Id we may keep). */
export function peerIsTrusted(req: IncomingMessage, trust: Trust): boolean {
  const socket = req.socket.remoteAddress;
  return !!socket && trust(socket, 0);
}
