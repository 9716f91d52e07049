import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

export default async function PlatformHome() {
  const t = await getTranslations('publicPages.home');
  return (
    <section className="mx-auto max-w-5xl px-6 py-20">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-text">{t('eyebrow')}</p>
      <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">{t('heading')}</h1>
      <p className="mt-6 max-w-2xl text-lg text-slate-600">{t('body')}</p>
      <div className="mt-10 flex flex-wrap gap-3">
        <Link href="/signup" className={buttonClass('primary', 'px-6 py-3 text-base')}>
          {t('create')}
        </Link>
        <Link href="/signin" className={buttonClass('secondary', 'px-6 py-3 text-base')}>
          {t('signIn')}
        </Link>
      </div>
    </section>
  );
}
