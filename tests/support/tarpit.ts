import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A receiver that accepts every connection and reads the request, then answers only after
// `answerAfterMs`: the slow endpoint that must not hold up other tenants' deliveries.

export interface Tarpit {
  url(path?: string): string;
  /** Requests waiting for their answer right now, and the most there ever were at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  readonly requests: number;
  close(): Promise<void>;
}

export async function startTarpit(answerAfterMs: number): Promise<Tarpit> {
  let inFlight = 0;
  let maxInFlight = 0;
  let requests = 0;
  const server = http.createServer((request, response) => {
    requests += 1;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let open = true;
    const done = () => {
      if (!open) return;
      open = false;
      inFlight -= 1;
      clearTimeout(timer);
    };
    // The sender gives up before the answer comes: that ends the request too.
    response.on('close', done);
    request.resume();
    const timer = setTimeout(() => response.writeHead(200, { 'content-type': 'text/plain' }).end('finally'), answerAfterMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    get requests() {
      return requests;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
