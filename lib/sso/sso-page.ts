import { escapeHtml } from '../email/escape-html.ts';
import { chooseLanguage } from '../i18n/choose-language.ts';
import { directionOf, type Language } from '../i18n/languages.ts';
import { serverTextTranslator } from '../i18n/server-text.ts';
import { translatorFor } from '../i18n/translator.ts';
import { getTenantById } from '../tenancy/tenant-cache.ts';
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

/** Who is reading the page: their browser's languages, and the workspace when the request names one. */
export interface SsoPageReader {
  acceptLanguage?: string | null;
  tenantId?: string | null;
}

/** The page's language and its words: the workspace's language (or the browser's), English by default. */
async function pageWords(reader: SsoPageReader) {
  const tenant = reader.tenantId ? await getTenantById(reader.tenantId).catch(() => null) : null;
  const language = chooseLanguage({ workspaceLocale: tenant?.locale, acceptLanguage: reader.acceptLanguage });
  const [t, server] = await Promise.all([translatorFor(language, tenant?.branding ?? null), serverTextTranslator(language)]);
  return { language, title: t('sso.errorPage.title'), back: t('sso.errorPage.back'), translate: server };
}

const ENGLISH = { language: 'en' as Language, title: 'Single sign-on failed', back: 'Back to sign in', translate: (english: string) => english };

/**
 * The page a refused sign-in shows, in the reader's language (lib/i18n/server-text.ts
 * translates the refusal). The status and headers are set at once; the words follow in the
 * body, as the catalogs are read asynchronously (English if they cannot be).
 */
export function ssoErrorPage(error: unknown, reader: SsoPageReader = {}): Response {
  const appError = toAppError(error);
  if (appError.status >= 500) logger().error({ err: error }, 'sso: unexpected error');
  const signInUrl = error instanceof SsoSignInError ? error.signInUrl : null;
  const render = ({ language, title, back, translate }: typeof ENGLISH) =>
    `<!doctype html><html lang="${language}" dir="${directionOf(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main role="alert"><h1>${escapeHtml(title)}</h1><p data-testid="sso-error">${escapeHtml(translate(appError.message))}</p>${signInUrl ? `<p><a href="${escapeHtml(signInUrl)}">${escapeHtml(back)}</a></p>` : ''}</main></body></html>`;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const words = await pageWords(reader).catch(() => ENGLISH);
      controller.enqueue(new TextEncoder().encode(render(words)));
      controller.close();
    },
  });
  const retryAfter = (appError as { retryAfterSeconds?: number }).retryAfterSeconds;
  return new Response(body, { status: appError.status, headers: { ...HEADERS, 'x-error-code': appError.code, ...(retryAfter ? { 'retry-after': String(retryAfter) } : {}) } });
}

/** The reader of a request: its Accept-Language, and the workspace proxy.ts resolved (if any). */
export function ssoPageReader(req: Request, tenantId: string | null = null): SsoPageReader {
  return { acceptLanguage: req.headers.get('accept-language'), tenantId };
}

/** The auto-submitting form for IdPs that take the AuthnRequest by HTTP-POST. */
export function ssoFormPage(html: string): Response {
  return new Response(html, { status: 200, headers: { ...HEADERS, 'content-security-policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; form-action *; base-uri 'none'; frame-ancestors 'none'" } });
}
