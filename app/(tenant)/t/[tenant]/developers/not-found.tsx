import { useTranslations } from 'next-intl';
import { SectionNotFound } from '@/components/shell/section-states';

export default function NotFound() {
  const t = useTranslations('developers');
  return (
    <SectionNotFound title={t('notFound.title')} backHref="/developers" backLabel={t('backToDevelopers')} inset>
      {t('notFound.body')}
    </SectionNotFound>
  );
}
