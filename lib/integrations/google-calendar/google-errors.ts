import { kindForStatus, ProviderError } from '../provider-error.ts';

// Google's SDKs throw GaxiosError (the HTTP status, headers and JSON body of the answer) or a
// plain network error. Matched by shape, not class: the SDK brings its own copy of gaxios.

interface GoogleFailure {
  message?: string;
  status?: number;
  response?: { status?: number; headers?: Headers | Record<string, string | undefined>; data?: unknown };
}

interface GoogleErrorBody {
  error?: string | { message?: string; errors?: { reason?: string }[] };
  error_description?: string;
}

/** Retry-After as seconds (it may also be an HTTP date); null when absent or unreadable. */
export function retryAfterSeconds(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function header(headers: Headers | Record<string, string | undefined> | undefined, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  return (headers as Record<string, string | undefined>)[name] ?? null;
}

// Google answers some quota errors with 403 and a reason instead of 429.
const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded']);

/** The ProviderError a failed Google call stands for; `what` says which call, for the integration's log. */
export function googleError(error: unknown, what: string): ProviderError {
  if (error instanceof ProviderError) return error;
  const failure = (error ?? {}) as GoogleFailure;
  const status = failure.response?.status ?? (typeof failure.status === 'number' ? failure.status : undefined);
  if (!status) return new ProviderError('unavailable', `${what}: Google could not be reached (${failure.message ?? 'network error'}).`, { cause: error });
  const body = (failure.response?.data ?? {}) as GoogleErrorBody;
  const detail = typeof body.error === 'string' ? (body.error_description ?? body.error) : (body.error?.message ?? failure.message ?? `HTTP ${status}`);
  if (status === 400 && body.error === 'invalid_grant') return new ProviderError('invalid_grant', `${what}: Google no longer accepts this grant (${detail}). Connect again.`, { status, cause: error });
  const reason = typeof body.error === 'object' ? body.error?.errors?.[0]?.reason : undefined;
  const kind = status === 403 && reason && RATE_LIMIT_REASONS.has(reason) ? 'rate_limited' : kindForStatus(status);
  return new ProviderError(kind, `${what}: Google answered ${status} (${detail}).`, { status, retryAfterSeconds: retryAfterSeconds(header(failure.response?.headers, 'retry-after')), cause: error });
}
