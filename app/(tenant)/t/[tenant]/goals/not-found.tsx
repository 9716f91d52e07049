import { getTranslations } from 'next-intl/server';
import { SectionNotFound } from '@/components/shell/section-states';

// In the workspace's own words (globex's "objective" is not found, never a "goal"): the catalog fills them in.
export default async function NotFound() {
  const t = await getTranslations('goals.notFound');
  return (
    <SectionNotFound title={t('title')} backHref="/goals" backLabel={t('back')}>
      {t('body')}
    </SectionNotFound>
  );
}
