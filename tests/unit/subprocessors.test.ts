import { describe, expect, it } from 'vitest';
import { isDocumentedCookie, subprocessors } from '../../lib/privacy/subprocessors.ts';

describe('subprocessors and cookies', () => {
  it('lists a service as in use only when it is configured', () => {
    const none = subprocessors({} as never);
    expect(none.every((row) => !row.inUse)).toBe(true);
    const stripe = subprocessors({ STRIPE_SECRET_KEY: 'sk_test_x', SMTP_URL: 'smtp://mail.example' } as never);
    expect(stripe.filter((row) => row.inUse).map((row) => row.name)).toEqual(['Stripe', 'Your SMTP provider']);
  });

  it('knows every cookie Waypoint sets, with the HTTPS prefixes', () => {
    for (const name of ['next-auth.session-token', '__Secure-next-auth.session-token', '__Host-next-auth.csrf-token', 'wp_saml_abc123']) expect(isDocumentedCookie(name), name).toBe(true);
    for (const name of ['_ga', 'theme', 'next-auth.session-token2']) expect(isDocumentedCookie(name), name).toBe(false);
  });
});
