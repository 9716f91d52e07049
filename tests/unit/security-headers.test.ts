import { describe, expect, it } from 'vitest';
import { baseSecurityHeaders, pageContentSecurityPolicy } from '../../lib/http/security-headers.ts';

describe('security headers', () => {
  it('send HSTS only when the platform is served over https', () => {
    expect(baseSecurityHeaders('https')['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    expect(baseSecurityHeaders('http')['strict-transport-security']).toBeUndefined();
  });

  it('never let a page be framed, and refuse everything to non-pages', () => {
    for (const scheme of ['http', 'https'] as const) {
      const headers = baseSecurityHeaders(scheme);
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it("let a page run only its own response's scripts (no eval outside development)", () => {
    const policy = pageContentSecurityPolicy('abc123==', { dev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(pageContentSecurityPolicy('abc123==', { dev: true })).toContain("'unsafe-eval'");
  });
});
