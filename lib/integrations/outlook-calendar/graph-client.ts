import { Client, GraphError, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { env } from '../../config/env.ts';
import { kindForStatus, ProviderError } from '../provider-error.ts';

// Microsoft Graph through its official SDK. MICROSOFT_API_BASE (tests: the fake server) replaces
// https://graph.microsoft.com for every call; the version segment stays v1.0.

export const GRAPH_VERSION = 'v1.0';

export function graphBaseUrl(): string {
  return (env().MICROSOFT_API_BASE ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
}

/** A Graph call that has not answered by then is abandoned (a sync must not hang on it). */
export const GRAPH_TIMEOUT_MS = 30_000;

/**
 * Sets the bearer token and a timeout on every request. The SDK's own AuthenticationHandler
 * only sets the token for https Graph hosts, which a local fake is not.
 */
class BearerToken implements Middleware {
  private next?: Middleware;
  constructor(
    private readonly token: string,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    const headers = new Headers(options.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${this.token}`);
    options.headers = Object.fromEntries(headers.entries());
    options.signal ??= AbortSignal.timeout(this.timeoutMs);
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * A Graph client for one access token. No RetryHandler in the chain on purpose: a 429 or 5xx
 * surfaces as a ProviderError and the sync runner re-enqueues the job after Retry-After, so a
 * worker never sleeps inside a request.
 */
export function graphClient(accessToken: string, { timeoutMs = GRAPH_TIMEOUT_MS }: { timeoutMs?: number } = {}): Client {
  const auth = new BearerToken(accessToken, timeoutMs);
  const http = new HTTPMessageHandler();
  auth.setNext(http);
  return Client.initWithMiddleware({ middleware: auth, baseUrl: graphBaseUrl(), defaultVersion: GRAPH_VERSION });
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date). */
export function retryAfterSeconds(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Any failure of a Graph call as a ProviderError (the one error type the sync runner understands). */
export function toProviderError(error: unknown, what: string): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof GraphError && error.statusCode > 0) {
    const headers = error.headers;
    const retryAfter = retryAfterSeconds(headers?.get?.('retry-after'));
    const detail = error.code ? ` (${error.code})` : '';
    return new ProviderError(kindForStatus(error.statusCode), `Microsoft Graph: ${what} failed with ${error.statusCode}${detail}: ${error.message}`, {
      status: error.statusCode,
      retryAfterSeconds: retryAfter,
      cause: error,
    });
  }
  // statusCode -1: fetch itself failed (connection refused, DNS, reset).
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError('unavailable', `Microsoft Graph: ${what} failed: ${message}`, { cause: error });
}

/** Runs one Graph call, mapping its failure. */
export async function graphCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toProviderError(error, what);
  }
}
