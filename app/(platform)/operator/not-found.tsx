import { useTranslations } from 'next-intl';
import { SectionNotFound } from '@/components/shell/section-states';

export default function NotFound() {
  const t = useTranslations('operator');
  return <SectionNotFound title={t('notFound')} backHref="/operator" backLabel={t('backToWorkspaces')} />;
}
