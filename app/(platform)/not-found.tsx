import { getTranslations } from 'next-intl/server';
import { SectionNotFound } from '@/components/shell/section-states';

export default async function NotFound() {
  const t = await getTranslations('publicPages.notFound');
  return <SectionNotFound title={t('title')} backHref="/" backLabel={t('home')} />;
}
