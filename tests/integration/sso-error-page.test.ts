import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { SsoSignInError } from '../../lib/sso/sso-error.ts';
import { ssoErrorPage } from '../../lib/sso/sso-page.ts';
import { createTenant } from '../support/factories.ts';

// The page a refused SAML sign-in shows is read in a browser: its words and the refusal are in
// the workspace's language when the request names one, else in the browser's (issue 22).

const refusal = () => new SsoSignInError(403, 'sso_refused', 'This sign-in response was already used. Sign in again from the start.', '/signin');

describe('the SSO error page', () => {
  it('speaks English by default, with the real status and code', async () => {
    const page = ssoErrorPage(refusal());
    expect(page.status).toBe(403);
    expect(page.headers.get('x-error-code')).toBe('sso_refused');
    const html = await page.text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('<h1>Single sign-on failed</h1>');
    expect(html).toContain('This sign-in response was already used. Sign in again from the start.');
    expect(html).toContain('Back to sign in');
  });

  it('speaks the browser’s language on the platform’s own address (the ACS)', async () => {
    const html = await ssoErrorPage(refusal(), { acceptLanguage: 'de-DE,de;q=0.9,en;q=0.5' }).text();
    expect(html).toContain('<html lang="de" dir="ltr">');
    expect(html).toContain('Single Sign-on fehlgeschlagen');
    expect(html).toContain('Diese Anmeldeantwort wurde bereits verwendet. Melde dich noch einmal von vorn an.');
    expect(html).toContain('Zurück zur Anmeldung');
  });

  it('speaks the workspace’s language on its host, right to left in Arabic', async () => {
    const tenant = await createTenant();
    await db.tenant.update({ where: { id: tenant.id }, data: { locale: 'ar-EG' } });
    const html = await ssoErrorPage(refusal(), { acceptLanguage: 'de', tenantId: tenant.id }).text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('استُخدمت استجابة تسجيل الدخول هذه بالفعل.');
  });
});
