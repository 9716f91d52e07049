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

export async function api<T = unknown>(path: string, init: { method?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}): Promise<T> {
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
    response = await fetch(path, { method: init.method ?? 'GET', headers, body });
  } catch {
    throw new ApiError(0, 'Could not reach the server. Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, data.detail ?? `Request failed (${response.status}).`, data.errors ?? {}, data.code);
  return data as T;
}
