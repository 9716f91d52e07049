// Browser protections, decided in one place. The HTTP server (lib/server/http-server.ts) puts
// the base set on every response, static files included; proxy.ts replaces the default
// Content-Security-Policy of pages with one that carries a fresh nonce for Next's scripts.
// A route with needs of its own (brand images, which are served sandboxed) sets its own CSP.

/** On every response. HSTS only when the platform is served over https. */
export function baseSecurityHeaders(scheme: 'http' | 'https'): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'cross-origin-opener-policy': 'same-origin',
    // Anything that is not a page (JSON, files) runs nothing and is framed by nobody.
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    ...(scheme === 'https' ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/**
 * The policy of an HTML page. Scripts run only with this response's nonce (Next puts it on
 * its own scripts; 'strict-dynamic' lets them load their chunks). Styles may be inline: the
 * workspace's sanitized custom CSS and React style attributes need it. Logos may live on any
 * https host. No page may be framed, nor submit forms or set <base> elsewhere than allowed.
 */
export function pageContentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self' blob:",
  ].join('; ');
}
