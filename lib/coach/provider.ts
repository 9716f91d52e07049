import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { logger } from '../observability/logger.ts';
import { coachProviderFailed } from './errors.ts';
import type { CoachProviderConfig } from './coach-config.ts';

// The one place that talks to the coach's provider: any OpenAI-compatible Chat Completions
// endpoint, through the official SDK pointed at COACH_API_BASE. Answers are streamed; what
// comes back is reduced to text deltas, the tool calls (the coach's proposals) and the token
// usage. The SDK's own logging stays off: prompts and answers never reach a log.

/** How long one attempt may take, streaming included (the SDK retries once). */
const TIMEOUT_MS = 60_000;

export type ProviderEvent =
  | { type: 'delta'; text: string }
  | { type: 'tool_call'; name: string; arguments: string }
  | { type: 'usage'; promptTokens: number; completionTokens: number };

const clients = new Map<string, OpenAI>();

function clientFor(config: CoachProviderConfig): OpenAI {
  const key = `${config.baseURL}\u0000${config.apiKey}`;
  let client = clients.get(key);
  if (!client) {
    client = new OpenAI({ baseURL: config.baseURL, apiKey: config.apiKey, timeout: TIMEOUT_MS, maxRetries: 1, logLevel: 'off' });
    clients.set(key, client);
  }
  return client;
}

/** What went wrong, without anything the provider echoed back (it may quote the prompt). */
export function describeProviderError(error: unknown): Record<string, unknown> {
  if (error instanceof OpenAI.APIError) return { providerStatus: error.status ?? null, providerCode: error.code ?? null, kind: error.constructor.name };
  return { kind: error instanceof Error ? error.constructor.name : typeof error };
}

export class CoachProviderError extends Error {
  constructor(readonly detail: Record<string, unknown>) {
    super('coach provider error');
  }
}

/**
 * Starts a streamed answer. Resolves once the provider has accepted the request (a refusal or
 * an unreachable provider rejects here, before anything is streamed to the member); the
 * events then arrive as the provider sends them.
 */
export async function streamAnswer(
  config: CoachProviderConfig,
  request: { messages: ChatCompletionMessageParam[]; tools: ChatCompletionTool[]; signal?: AbortSignal },
): Promise<AsyncIterable<ProviderEvent>> {
  let stream;
  try {
    stream = await clientFor(config).chat.completions.create(
      { model: config.model, messages: request.messages, tools: request.tools, stream: true, stream_options: { include_usage: true } },
      { signal: request.signal },
    );
  } catch (error) {
    logger().warn({ providerHost: config.host, ...describeProviderError(error) }, 'coach: the provider refused or could not be reached');
    throw coachProviderFailed();
  }
  return (async function* events(): AsyncGenerator<ProviderEvent> {
    const calls = new Map<number, { name: string; arguments: string }>();
    try {
      for await (const chunk of stream) {
        for (const choice of chunk.choices ?? []) {
          const text = choice.delta?.content;
          if (text) yield { type: 'delta', text };
          for (const call of choice.delta?.tool_calls ?? []) {
            const entry = calls.get(call.index) ?? { name: '', arguments: '' };
            if (call.function?.name) entry.name += call.function.name;
            if (call.function?.arguments) entry.arguments += call.function.arguments;
            calls.set(call.index, entry);
          }
        }
        if (chunk.usage) yield { type: 'usage', promptTokens: chunk.usage.prompt_tokens ?? 0, completionTokens: chunk.usage.completion_tokens ?? 0 };
      }
    } catch (error) {
      throw new CoachProviderError(describeProviderError(error));
    }
    for (const call of calls.values()) if (call.name) yield { type: 'tool_call', ...call };
  })();
}
