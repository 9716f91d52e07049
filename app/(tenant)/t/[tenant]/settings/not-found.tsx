import { getTranslations } from 'next-intl/server';
import { SectionNotFound } from '@/components/shell/section-states';

export default async function NotFound() {
  const t = await getTranslations('settings');
  return <SectionNotFound title={t('notFound')} backHref="/settings" backLabel={t('backToSettings')} inset />;
}
