import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A fake OpenAI-compatible Chat Completions endpoint for tests and e2e: POST /v1/chat/completions
// with stream: true, answered the way OpenAI streams (Server-Sent Events of
// chat.completion.chunk objects: choices[].delta.content, tool_calls deltas, a final usage
// chunk when stream_options.include_usage, then `data: [DONE]`). Every request body is
// recorded, so tests can assert what reached the provider. Point COACH_API_BASE at url, with
// COACH_API_KEY = apiKey and COACH_MODEL = model. Never used by the product.

export interface FakeReply {
  /** The answer's text, streamed a few words per chunk. */
  text: string;
  /** A tool call made beside the text: the coach's proposal. */
  toolCall?: { name: string; arguments: Record<string, unknown> | string };
  /** Answer with this HTTP status and an OpenAI-style error instead. */
  status?: number;
  /** Milliseconds between chunks for this answer (default: chunkDelayMs). */
  delayMs?: number;
}

export interface FakeOpenAI {
  /** The COACH_API_BASE to configure (ends in /v1). */
  url: string;
  apiKey: string;
  model: string;
  /** Every chat completion request body, in order. */
  requests: Record<string, unknown>[];
  /** The next answers, in order; after them the default (see defaultReply). */
  reply(...replies: FakeReply[]): void;
  /** Holds the next answer after its first chunk until the returned function is called. */
  holdAfterFirstChunk(): () => void;
  /** Milliseconds between chunks (default 5). */
  chunkDelayMs: number;
  close(): Promise<void>;
}

/**
 * Without a scripted reply: a habit proposal when the question mentions a habit, a goal for a
 * goal, else plain text; "slowly" in the question streams it slowly enough for a browser test
 * to watch it arrive.
 */
export function defaultReply(question: string): FakeReply {
  const delayMs = /slowly/i.test(question) ? 250 : undefined;
  if (/habit/i.test(question)) {
    return { text: 'A short walk after lunch is an easy start. Shall I add it?', toolCall: { name: 'propose_habit', arguments: { name: 'Walk after lunch', schedule: 'daily', description: 'Ten minutes outside.' } }, delayMs };
  }
  if (/goal/i.test(question)) {
    return { text: 'Here is a goal you could aim for.', toolCall: { name: 'propose_goal', arguments: { title: 'Run a 5K', description: 'Three runs a week.' } } };
  }
  return { text: 'You are doing well: keep your streaks going, one day at a time.' };
}

const tokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

export async function startFakeOpenAI(options: { apiKey?: string; model?: string; port?: number } = {}): Promise<FakeOpenAI> {
  const apiKey = options.apiKey ?? `sk-fake-${randomBytes(8).toString('hex')}`;
  const model = options.model ?? 'fake-coach-1';
  const requests: Record<string, unknown>[] = [];
  const scripted: FakeReply[] = [];
  const holds: { release: Promise<void>; open: () => void }[] = [];

  const fail = (res: http.ServerResponse, status: number, message: string, code: string) =>
    void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message, type: 'invalid_request_error', code } }));

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return fail(res, 404, `Unknown route ${req.method} ${req.url}`, 'not_found');
        if (req.headers.authorization !== `Bearer ${apiKey}`) return fail(res, 401, 'Incorrect API key provided.', 'invalid_api_key');
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model?: string; stream?: boolean; messages?: { role: string; content: string }[]; stream_options?: { include_usage?: boolean } };
        requests.push(body as Record<string, unknown>);
        if (body.model !== model) return fail(res, 404, `The model ${body.model} does not exist.`, 'model_not_found');
        if (!body.stream) return fail(res, 400, 'This fake only streams.', 'stream_required');
        const question = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
        const reply = scripted.shift() ?? defaultReply(question);
        if (reply.status) return fail(res, reply.status, 'The fake provider failed on purpose.', 'server_error');
        const hold = holds.shift();

        const id = `chatcmpl-${randomBytes(6).toString('hex')}`;
        const created = Math.floor(Date.now() / 1000);
        const send = (choices: unknown[], extra: Record<string, unknown> = {}) => res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`);
        const pause = () => new Promise((resolve) => setTimeout(resolve, reply.delayMs ?? fake.chunkDelayMs));
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
        send([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
        const words = reply.text.match(/\S+\s*/g) ?? [];
        for (let i = 0; i < words.length; i += 2) {
          send([{ index: 0, delta: { content: words.slice(i, i + 2).join('') }, finish_reason: null }]);
          if (i === 0 && hold) await hold.release;
          await pause();
        }
        if (reply.toolCall) {
          const args = typeof reply.toolCall.arguments === 'string' ? reply.toolCall.arguments : JSON.stringify(reply.toolCall.arguments);
          send([{ index: 0, delta: { tool_calls: [{ index: 0, id: `call_${randomBytes(4).toString('hex')}`, type: 'function', function: { name: reply.toolCall.name, arguments: '' } }] }, finish_reason: null }]);
          const half = Math.ceil(args.length / 2);
          for (const part of [args.slice(0, half), args.slice(half)]) send([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: part } }] }, finish_reason: null }]);
        }
        send([{ index: 0, delta: {}, finish_reason: reply.toolCall ? 'tool_calls' : 'stop' }]);
        if (body.stream_options?.include_usage) {
          const prompt = tokens(JSON.stringify(body.messages ?? []));
          const completion = tokens(reply.text) + (reply.toolCall ? 20 : 0);
          send([], { usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion } });
        }
        res.end('data: [DONE]\n\n');
      })().catch((error: unknown) => {
        if (!res.headersSent) fail(res, 500, String(error), 'fake_error');
        else res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeOpenAI = {
    url: `http://127.0.0.1:${port}/v1`,
    apiKey,
    model,
    requests,
    chunkDelayMs: 5,
    reply: (...replies) => void scripted.push(...replies),
    holdAfterFirstChunk() {
      let open!: () => void;
      const release = new Promise<void>((resolve) => (open = resolve));
      holds.push({ release, open });
      return open;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  return fake;
}
