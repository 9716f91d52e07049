// HTTP for `npm run bench:scale`: one request at a time to the server on 127.0.0.1 with the
// Host of the workspace or the root domain (Node resolves no *.localhost), timed to the last byte.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export interface Answer {
  status: number;
  ms: number;
  /** The body as text, unless `keepBody` was false. */
  body: string;
  bytes: number;
  /** CRLF- or LF-terminated lines in the body. */
  lines: number;
}

export function get(port: number, host: string, path: string, headers: Record<string, string> = {}, keepBody = true): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request({ host: '127.0.0.1', port, path, agent, headers: { host: `${host}:${port}`, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      let lines = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
        if (keepBody) chunks.push(chunk);
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks).toString('utf8'), bytes, lines }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

export function closeConnections(): void {
  agent.destroy();
}
