import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { localCallbackUrl } from '@/lib/auth/callback-url';
import { getCurrentMember } from '@/lib/auth/session';
import { tenantOffersSso } from '@/lib/sso/sso-discovery';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Sign in' };

// next-auth sends people back here with ?error=<code> when a sign-in link fails.
function linkError(code: string | string[] | undefined, tenantName: string): string | null {
  if (typeof code !== 'string' || !code) return null;
  if (code === 'Verification') return 'This sign-in link has expired or was already used. Ask for a new one.';
  if (code === 'AccessDenied') return `This account is not a member of ${tenantName}.`;
  if (code === 'EmailSignin') return 'We could not send a sign-in link. Try again.';
  if (code === 'SsoRequired') return ssoRequiredMessage(tenantName);
  if (code === 'TwoFactorRequired') return 'Your account uses two-factor authentication: sign in with your password, then a code from your app.';
  if (code === 'SsoNotConfigured') return `Single sign-on is not set up for this email address at ${tenantName}. Sign in with your password instead.`;
  if (code === 'SsoEmailMissing') return 'Enter your work email, then choose “Continue with SSO”.';
  return 'Sign-in failed. Try again.';
}

function ssoRequiredMessage(tenantName: string): string {
  return `${tenantName} requires single sign-on for your email address. Use “Continue with SSO”.`;
}

type SearchParams = Promise<{ 'check-email'?: string | string[]; error?: string | string[]; callbackUrl?: string | string[]; email?: string | string[] }>;

export default async function TenantSignInPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const tenant = await requireTenant((await params).tenant);
  const query = await searchParams;
  // Back to the page that sent them here (e.g. an app's consent screen), on this host only.
  const callbackUrl = localCallbackUrl(query.callbackUrl) ?? '/';
  if (await getCurrentMember(tenant)) redirect(callbackUrl);
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="mb-2 text-2xl font-bold text-slate-900">Sign in to {tenant.name}</h1>
      <p className="mb-6 text-sm text-slate-600">
        {callbackUrl.startsWith('/oauth/authorize') ? 'An app is asking to connect to your account. Sign in first, then choose whether to allow it. ' : ''}
        Use the email and password of your {tenant.name} account.
      </p>
      <SignInForm
        redirectTo={callbackUrl}
        wrongCredentialsMessage={`Wrong email or password, or this account is not a member of ${tenant.name}.`}
        magicLink
        linkSent={query['check-email'] !== undefined}
        initialError={linkError(query.error, tenant.name)}
        sso={await tenantOffersSso(tenant)}
        ssoRequiredMessage={ssoRequiredMessage(tenant.name)}
        initialEmail={typeof query.email === 'string' ? query.email.slice(0, 254) : ''}
      />
    </section>
  );
}
