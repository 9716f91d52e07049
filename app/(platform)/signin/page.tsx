import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { WorkspaceFinder } from '@/components/platform/workspace-finder';
import { config } from '@/lib/config/env';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('publicPages.signin');
  return { title: t('metaTitle') };
}
export const dynamic = 'force-dynamic';

const linkTo = (href: string) =>
  function SignInLink(chunks: ReactNode) {
    return (
      <Link href={href} className="font-semibold text-brand-text underline">
        {chunks}
      </Link>
    );
  };

export default async function PlatformSignInPage() {
  const t = await getTranslations('publicPages.signin');
  return (
    <section className="mx-auto max-w-lg px-6 py-16">
      <h1 className="text-2xl font-bold text-slate-900">{t('heading')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('intro')}</p>
      <WorkspaceFinder rootDomain={config.rootDomain} scheme={config.scheme} />
      <p className="mt-10 text-sm text-slate-600">{t.rich('others', { signup: linkTo('/signup'), operator: linkTo('/operator/signin'), reseller: linkTo('/reseller/signin') })}</p>
    </section>
  );
}
