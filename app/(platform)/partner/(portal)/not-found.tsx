import { getTranslations } from 'next-intl/server';
import { SectionNotFound } from '@/components/shell/section-states';

export default async function NotFound() {
  const t = await getTranslations('partner.portal');
  return <SectionNotFound title={t('pageNotFound')} backHref="/partner" backLabel={t('backToOverview')} inset />;
}
