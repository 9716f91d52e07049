import { useTranslations } from 'next-intl';
import { SectionNotFound } from '@/components/shell/section-states';

export default function NotFound() {
  const t = useTranslations('common');
  return <SectionNotFound title={t('notFound.title')} backHref="/" backLabel={t('backToDashboard')} />;
}
