import { useTranslations } from 'next-intl';
import { SectionNotFound } from '@/components/shell/section-states';

// In the workspace's own words (globex's "ritual" is not found, never a "habit"): the catalog
// fills them in for the workspace the page is on.
export default function NotFound() {
  const t = useTranslations('habits.notFound');
  return (
    <SectionNotFound title={t('title')} backHref="/habits" backLabel={t('back')}>
      {t('body')}
    </SectionNotFound>
  );
}
