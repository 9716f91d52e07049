import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ForgotPasswordPage } from '@/components/auth/password-reset-pages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('authPages.forgot');
  return { title: t('metaTitle') };
}
export const dynamic = 'force-dynamic';

/** For the people who sign in on the root domain: platform operators and reseller users. */
export default async function PlatformForgotPasswordPage({ searchParams }: { searchParams: Promise<{ email?: string | string[] }> }) {
  const { email } = await searchParams;
  const t = await getTranslations('authPages.forgot');
  const link = 'font-semibold text-brand-text underline';
  return (
    <ForgotPasswordPage
      workspace={null}
      initialEmail={typeof email === 'string' ? email.slice(0, 254) : ''}
      back={t.rich('platformBack', {
        operator: (chunks) => (
          <Link href="/operator/signin" className={link}>
            {chunks}
          </Link>
        ),
        reseller: (chunks) => (
          <Link href="/reseller/signin" className={link}>
            {chunks}
          </Link>
        ),
      })}
    />
  );
}
