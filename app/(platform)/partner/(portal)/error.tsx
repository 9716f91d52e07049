'use client';

import { useTranslations } from 'next-intl';
import { SectionError } from '@/components/shell/section-error';

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('partner.portal');
  return <SectionError error={error} retry={retry} homeHref="/partner" homeLabel={t('backToOverview')} inset />;
}
