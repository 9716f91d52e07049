import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A local HTTP receiver for webhook tests: records every request and answers with whatever
// the test's responder says, per path (one path per endpoint).

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
  /** The status the receiver answered with. */
  status: number;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export type Responder = (request: { path: string; headers: Record<string, string>; body: string; count: number }) => Answer;

export interface WebhookReceiver {
  url(path: string): string;
  received: ReceivedWebhook[];
  /** Requests to `path`, optionally only those answered 2xx. */
  on(path: string, options?: { ok?: boolean }): ReceivedWebhook[];
  respond(path: string, responder: Responder): void;
  waitFor(predicate: (received: ReceivedWebhook[]) => boolean, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const responders = new Map<string, Responder>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
      const body = Buffer.concat(chunks).toString('utf8');
      const count = received.filter((r) => r.path === path).length;
      const answer = responders.get(path)?.({ path, headers, body, count }) ?? { status: 200, body: 'ok' };
      received.push({ path, headers, body, at: Date.now(), status: answer.status });
      res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    on: (path, { ok } = {}) => received.filter((r) => r.path === path && (!ok || (r.status >= 200 && r.status < 300))),
    respond: (path, responder) => void responders.set(path, responder),
    async waitFor(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) throw new Error(`webhook receiver: timed out after ${timeoutMs} ms; received ${received.length}: ${received.map((r) => `${r.path} ${r.status}`).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
