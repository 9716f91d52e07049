import { useTranslations } from 'next-intl';
import Link from 'next/link';

export default function OperatorForbidden() {
  const t = useTranslations('operator');
  return (
    <section className="mx-auto max-w-md px-6 py-16 text-center">
      <p className="text-sm font-semibold text-slate-500">{403}</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">{t('forbidden.title')}</h1>
      <p className="mt-2 text-slate-600">{t('forbidden.text')}</p>
      <Link href="/operator" className="mt-6 inline-block font-semibold text-brand-text underline">
        {t('backToWorkspaces')}
      </Link>
    </section>
  );
}
