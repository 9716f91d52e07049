import { escapeHtml } from '../email/escape-html.ts';
import { toAppError } from '../http/problem.ts';
import { SsoSignInError } from './sso-error.ts';
import { logger } from '../observability/logger.ts';

// The ACS and the SSO start are browser navigations (an IdP's form post, a button), so what
// they answer is a page: a short, self-contained HTML document with the real status code.

const STYLE = 'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f8fafc;color:#0f172a;margin:0}main{max-width:32rem;margin:10vh auto;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem}h1{font-size:1.25rem;margin:0 0 .75rem}p{line-height:1.5;color:#334155}a{color:#4f46e5;font-weight:600}';

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action *; base-uri 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

export function ssoErrorPage(error: unknown): Response {
  const appError = toAppError(error);
  if (appError.status >= 500) logger().error({ err: error }, 'sso: unexpected error');
  const signInUrl = error instanceof SsoSignInError ? error.signInUrl : null;
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>Single sign-on failed</title><style>${STYLE}</style></head><body><main role="alert"><h1>Single sign-on failed</h1><p data-testid="sso-error">${escapeHtml(appError.message)}</p>${signInUrl ? `<p><a href="${escapeHtml(signInUrl)}">Back to sign in</a></p>` : ''}</main></body></html>`;
  const retryAfter = (appError as { retryAfterSeconds?: number }).retryAfterSeconds;
  return new Response(body, { status: appError.status, headers: { ...HEADERS, 'x-error-code': appError.code, ...(retryAfter ? { 'retry-after': String(retryAfter) } : {}) } });
}

/** The auto-submitting form for IdPs that take the AuthnRequest by HTTP-POST. */
export function ssoFormPage(html: string): Response {
  return new Response(html, { status: 200, headers: { ...HEADERS, 'content-security-policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; form-action *; base-uri 'none'; frame-ancestors 'none'" } });
}
