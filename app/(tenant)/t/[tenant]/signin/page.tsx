import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { localCallbackUrl } from '@/lib/auth/callback-url';
import { getCurrentMember } from '@/lib/auth/session';
import { tenantOffersSso } from '@/lib/sso/sso-discovery';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signin.page');
  return { title: t('metaTitle') };
}

type PageText = Awaited<ReturnType<typeof getTranslations<'signin.page'>>>;

// next-auth sends people back here with ?error=<code> when a sign-in link fails.
function linkError(code: string | string[] | undefined, workspace: string, t: PageText): string | null {
  if (typeof code !== 'string' || !code) return null;
  if (code === 'Verification') return t('linkExpired');
  if (code === 'AccessDenied') return t('notAMember', { workspace });
  if (code === 'EmailSignin') return t('linkNotSent');
  if (code === 'SsoRequired') return t('ssoRequired', { workspace });
  if (code === 'TwoFactorRequired') return t('twoFactorRequired');
  if (code === 'SsoNotConfigured') return t('ssoNotConfigured', { workspace });
  if (code === 'SsoEmailMissing') return t('ssoEmailMissing');
  return t('failed');
}

type SearchParams = Promise<{ 'check-email'?: string | string[]; error?: string | string[]; callbackUrl?: string | string[]; email?: string | string[] }>;

export default async function TenantSignInPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const tenant = await requireTenant((await params).tenant);
  const query = await searchParams;
  // Back to the page that sent them here (e.g. an app's consent screen), on this host only.
  const callbackUrl = localCallbackUrl(query.callbackUrl) ?? '/';
  if (await getCurrentMember(tenant)) redirect(callbackUrl);
  const t = await getTranslations('signin.page');
  const workspace = tenant.name;
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="mb-2 text-2xl font-bold text-slate-900">{t('heading', { workspace })}</h1>
      <p className="mb-6 text-sm text-slate-600">{callbackUrl.startsWith('/oauth/authorize') ? t('introForApp', { workspace }) : t('intro', { workspace })}</p>
      <SignInForm
        redirectTo={callbackUrl}
        wrongCredentialsMessage={t('wrongCredentials', { workspace })}
        magicLink
        linkSent={query['check-email'] !== undefined}
        initialError={linkError(query.error, workspace, t)}
        sso={await tenantOffersSso(tenant)}
        ssoRequiredMessage={t('ssoRequired', { workspace })}
        initialEmail={typeof query.email === 'string' ? query.email.slice(0, 254) : ''}
      />
    </section>
  );
}
