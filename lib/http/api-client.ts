// Browser-side calls to the app's JSON routes; problem+json answers become ApiError.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
    /** The problem's registered code (lib/http/error-codes.ts), when the server sent one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

type ApiInit = { method?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string>; signal?: AbortSignal };

/** The answer of a successful call, for callers that read the body themselves (a stream); a failure throws ApiError. */
export async function apiResponse(path: string, init: ApiInit = {}): Promise<Response> {
  // The page's language (the member's choice, else the workspace's), so error sentences come
  // back in it (lib/i18n/server-text.ts) rather than in the browser's default language.
  const language = typeof document === 'undefined' ? '' : document.documentElement.lang;
  const headers: Record<string, string> = { ...(language ? { 'accept-language': language } : {}), ...init.headers };
  let body = init.body;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  let response: Response;
  try {
    response = await fetch(path, { method: init.method ?? 'GET', headers, body, signal: init.signal });
  } catch {
    throw new ApiError(0, 'Could not reach the server. Check your connection and try again.');
  }
  if (!response.ok) {
    const data = await response.json().catch(() => ({}));
    throw new ApiError(response.status, data.detail ?? `Request failed (${response.status}).`, data.errors ?? {}, data.code);
  }
  return response;
}

export async function api<T = unknown>(path: string, init: ApiInit = {}): Promise<T> {
  const response = await apiResponse(path, init);
  if (response.status === 204) return undefined as T;
  return (await response.json().catch(() => ({}))) as T;
}
