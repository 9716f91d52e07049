import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DataExportPanel } from '@/components/account/data-export-panel';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/members/require-member';
import { listWorkspaceExports } from '@/lib/privacy/workspace-export';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dataPrivacy');
  return { title: t('title') };
}

// Owners take a copy of the whole workspace (GDPR portability for the workspace, or leaving).
export default async function DataSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  await requireMember(tenant, 'workspace.export');
  const exports = await listWorkspaceExports(tenant);
  const t = await getTranslations('dataPrivacy');
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('title')} description={t('description', { name: tenant.name })} />
      <Card
        title={t('export.title')}
        description={t('export.description')}
      >
        <DataExportPanel initial={exports} endpoint="/api/app/settings/exports" label={t('export.title')} listLabel={t('export.list')} />
      </Card>
    </div>
  );
}
