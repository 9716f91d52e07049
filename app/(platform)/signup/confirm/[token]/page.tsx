import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ConfirmSignupForm } from '@/components/signup/confirm-signup-form';
import { config } from '@/lib/config/env';
import { lookupSignup } from '@/lib/signup/sign-up';

// The URL carries the sign-up token: keep it out of other sites' logs and search engines.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signup.confirm');
  return { title: t('metaTitle'), robots: { index: false }, referrer: 'no-referrer' };
}
export const dynamic = 'force-dynamic';

// Following the link only shows this page; the button creates the workspace, so a mail
// scanner that opens links creates nothing.
export default async function ConfirmSignupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const signup = await lookupSignup(token);
  const t = await getTranslations('signup.confirm');
  if (signup.status === 'invalid') {
    return (
      <section className="mx-auto max-w-lg px-6 py-16">
        <h1 className="text-2xl font-bold text-slate-900">{t('invalidHeading')}</h1>
        <p className="mt-3 text-slate-600">{t('invalidBody')}</p>
        <Link href="/signup" className="mt-6 inline-block font-semibold text-brand-text underline">
          {t('signUpAgain')}
        </Link>
      </section>
    );
  }
  const values = { email: signup.email, workspace: signup.workspaceName };
  return (
    <section className="mx-auto max-w-lg px-6 py-16">
      <h1 className="text-2xl font-bold text-slate-900">{t('heading', values)}</h1>
      <p className="mt-3 mb-6 text-slate-700" data-testid="signup-summary">
        {!signup.existingAccount ? t('summaryNew', values) : signup.keepsPassword ? t('summaryKeepsPassword', values) : t('summaryClearsPassword', values)}
      </p>
      <ConfirmSignupForm token={token} slug={signup.slug} rootDomain={config.rootDomain} />
    </section>
  );
}
