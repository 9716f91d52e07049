import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentOperator } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operator.signIn');
  return { title: t('metaTitle') };
}
export const dynamic = 'force-dynamic';

export default async function OperatorSignInPage() {
  if (await getCurrentOperator()) redirect('/operator');
  const t = await getTranslations('operator.signIn');
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="mb-6 text-2xl font-bold text-slate-900">{t('title')}</h1>
      <SignInForm redirectTo="/operator" wrongCredentialsMessage={t('wrongCredentials')} />
    </section>
  );
}
