import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { StatusPage } from '@/components/platform/status-page';
import { platformOrigin } from '@/lib/config/env';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('publicPages.workspaceDeleted');
  return { title: t('metaTitle') };
}

// proxy.ts rewrites requests for the address of an erased workspace here (lib/platform/tenant-erasure.ts).
export default async function WorkspaceDeletedPage() {
  const t = await getTranslations('publicPages.workspaceDeleted');
  return (
    <StatusPage code={410} title={t('title')}>
      <p>{t('body')}</p>
      <a href={platformOrigin()} className="mt-6 inline-block font-semibold text-indigo-600 underline">
        {t('toWaypoint')}
      </a>
    </StatusPage>
  );
}
