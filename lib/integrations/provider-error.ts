// One error type for every provider call, whatever SDK made it, so the sync runner and the
// token refresher decide the same way: retry later (429, 5xx, network), mark the connection
// "needs attention" (auth, invalid_grant), or fail this sync (anything else).

export type ProviderErrorKind = 'rate_limited' | 'unavailable' | 'auth' | 'invalid_grant' | 'not_found' | 'gone' | 'invalid';

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly status: number | null;
  /** Seconds the provider asked us to wait (Retry-After), when it said. */
  readonly retryAfterSeconds: number | null;

  constructor(kind: ProviderErrorKind, message: string, options: { status?: number | null; retryAfterSeconds?: number | null; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ProviderError';
    this.kind = kind;
    this.status = options.status ?? null;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }

  /** Worth trying again after a wait. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'unavailable';
  }

  /** The grant no longer works: a person has to reconnect. */
  get needsAttention(): boolean {
    return this.kind === 'auth' || this.kind === 'invalid_grant';
  }
}

/** The kind an HTTP status means, for SDK errors that carry one. */
export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status === 410) return 'gone';
  return 'invalid';
}
