import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { StatusPage } from '@/components/platform/status-page';

export default async function NotFound() {
  const t = await getTranslations('publicPages.notFound');
  return (
    <StatusPage code={404} title={t('title')}>
      <p>{t('body')}</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-indigo-600 underline">
        {t('home')}
      </Link>
    </StatusPage>
  );
}
