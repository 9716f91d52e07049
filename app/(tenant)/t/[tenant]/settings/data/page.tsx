import type { Metadata } from 'next';
import { DataExportPanel } from '@/components/account/data-export-panel';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/members/require-member';
import { listWorkspaceExports } from '@/lib/privacy/workspace-export';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Data' };

// Owners take a copy of the whole workspace (GDPR portability for the workspace, or leaving).
export default async function DataSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  await requireMember(tenant, 'workspace.export');
  const exports = await listWorkspaceExports(tenant);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Data" description={`A copy of everything ${tenant.name} holds, for owners.`} />
      <Card
        title="Export workspace data"
        description="One ZIP file with a JSON and a CSV file per section: settings, members with their roles and teams, teams, goals and progress, habits and logs, comments, activity, the audit log, webhook endpoints, API keys, apps, integrations, invoices and usage. Passwords, keys, tokens and secrets are never in it. We email you when it is ready; any owner can download it for 7 days."
      >
        <DataExportPanel initial={exports} endpoint="/api/app/settings/exports" label="Export workspace data" listLabel="Workspace exports" />
      </Card>
    </div>
  );
}
