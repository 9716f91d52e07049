import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** The status code, the same in every language. */
const STATUS = '403';

export default function TenantForbidden() {
  const t = useTranslations('common');
  return (
    <section className="mx-auto max-w-md px-6 py-20 text-center">
      <p className="text-sm font-semibold text-slate-500">{STATUS}</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">{t('forbidden.title')}</h1>
      <p className="mt-2 text-slate-600">{t('forbidden.body')}</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-brand-text underline">
        {t('backToDashboard')}
      </Link>
    </section>
  );
}
