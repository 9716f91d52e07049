import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { lookupPasswordReset } from '@/lib/auth/password-reset';
import type { TenantContext } from '@/lib/tenancy/tenant-context';
import { ForgotPasswordForm } from './forgot-password-form';
import { ResetPasswordForm } from './reset-password-form';

// The two pages of a password reset, the same on a workspace's host and on the root domain.

/** `workspace`: the workspace's name on its host; null on the root domain (operators and resellers). */
export async function ForgotPasswordPage({ workspace, initialEmail, back }: { workspace: string | null; initialEmail: string; back: ReactNode }) {
  const t = await getTranslations('authPages.forgot');
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="mb-2 text-2xl font-bold text-slate-900">{t('heading')}</h1>
      <p className="mb-6 text-sm text-slate-600">{workspace === null ? t('introPlatform') : t('introWorkspace', { workspace })}</p>
      <ForgotPasswordForm initialEmail={initialEmail} />
      <p className="mt-8 text-sm text-slate-600">{back}</p>
    </section>
  );
}

export async function ResetPasswordPage({ tenant, token }: { tenant: TenantContext | null; token: string }) {
  const lookup = await lookupPasswordReset(tenant, token);
  const t = await getTranslations('authPages.reset');
  if (lookup.status === 'invalid') {
    return (
      <section className="mx-auto max-w-md px-6 py-16">
        <h1 className="text-2xl font-bold text-slate-900">{t('invalidHeading')}</h1>
        <p className="mt-3 text-slate-600">{t('invalidBody')}</p>
        <Link href="/forgot-password" className="mt-6 inline-block font-semibold text-brand-text underline">
          {t('newLink')}
        </Link>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="mb-2 text-2xl font-bold text-slate-900">{t('heading')}</h1>
      <p className="mb-6 text-sm text-slate-600">{t('intro', { email: lookup.email })}</p>
      <ResetPasswordForm token={token} email={lookup.email} />
    </section>
  );
}
