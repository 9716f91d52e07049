import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { StatusPage } from '@/components/platform/status-page';
import { platformOrigin } from '@/lib/config/env';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('publicPages.workspaceNotFound');
  return { title: t('metaTitle') };
}

export default async function WorkspaceNotFound() {
  const t = await getTranslations('publicPages.workspaceNotFound');
  return (
    <StatusPage code={404} title={t('title')}>
      <p>{t('body')}</p>
      <a href={platformOrigin()} className="mt-6 inline-block font-semibold text-indigo-600 underline">
        {t('toWaypoint')}
      </a>
    </StatusPage>
  );
}
