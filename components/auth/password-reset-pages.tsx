import Link from 'next/link';
import type { ReactNode } from 'react';
import { lookupPasswordReset } from '@/lib/auth/password-reset';
import type { TenantContext } from '@/lib/tenancy/tenant-context';
import { ForgotPasswordForm } from './forgot-password-form';
import { ResetPasswordForm } from './reset-password-form';

// The two pages of a password reset, the same on a workspace's host and on the root domain.

export function ForgotPasswordPage({ where, initialEmail, back }: { where: string; initialEmail: string; back: ReactNode }) {
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="mb-2 text-2xl font-bold text-slate-900">Forgot your password?</h1>
      <p className="mb-6 text-sm text-slate-600">Enter the email of your {where} account and we will email you a link to choose a new password.</p>
      <ForgotPasswordForm initialEmail={initialEmail} />
      <p className="mt-8 text-sm text-slate-600">{back}</p>
    </section>
  );
}

export async function ResetPasswordPage({ tenant, token }: { tenant: TenantContext | null; token: string }) {
  const lookup = await lookupPasswordReset(tenant, token);
  if (lookup.status === 'invalid') {
    return (
      <section className="mx-auto max-w-md px-6 py-16">
        <h1 className="text-2xl font-bold text-slate-900">This link is not valid any more</h1>
        <p className="mt-3 text-slate-600">Password links work once, for 30 minutes. Ask for a new one.</p>
        <Link href="/forgot-password" className="mt-6 inline-block font-semibold text-brand-text underline">
          Email me a new link
        </Link>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="mb-2 text-2xl font-bold text-slate-900">Choose a new password</h1>
      <p className="mb-6 text-sm text-slate-600">For {lookup.email}. Once it is set, you are signed out everywhere else.</p>
      <ResetPasswordForm token={token} email={lookup.email} />
    </section>
  );
}
