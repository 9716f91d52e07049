import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentPartner } from '@/lib/partners/partner-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.signIn'))('title') };
}
export const dynamic = 'force-dynamic';

export default async function PartnerSignInPage() {
  if (await getCurrentPartner()) redirect('/partner');
  const t = await getTranslations('partner.signIn');
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="mb-6 text-2xl font-bold text-slate-900">{t('title')}</h1>
      <SignInForm redirectTo="/partner" wrongCredentialsMessage={t('wrongCredentials')} />
      <p className="mt-6 text-sm text-slate-600">
        {t.rich('building', {
          link: (chunks) => (
            <Link href="/partners/apply" className="font-semibold text-brand-text underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </section>
  );
}
