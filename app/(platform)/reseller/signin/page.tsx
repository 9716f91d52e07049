import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentReseller } from '@/lib/resellers/reseller-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reseller.signIn'))('title') };
}
export const dynamic = 'force-dynamic';

export default async function ResellerSignInPage() {
  if (await getCurrentReseller()) redirect('/reseller');
  const t = await getTranslations('reseller.signIn');
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="mb-6 text-2xl font-bold text-slate-900">{t('title')}</h1>
      <SignInForm redirectTo="/reseller" wrongCredentialsMessage={t('wrongCredentials')} />
    </section>
  );
}
