import { getTranslations } from 'next-intl/server';
import { SectionNotFound } from '@/components/shell/section-states';

export default async function NotFound() {
  const t = await getTranslations('reseller.dashboard');
  return <SectionNotFound title={t('pageNotFound')} backHref="/reseller" backLabel={t('backToOverview')} inset />;
}
