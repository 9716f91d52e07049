import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { NewTicketForm } from '@/components/support/new-ticket-form';
import { orNotFound } from '@/components/support/or-not-found';
import { TicketList } from '@/components/support/ticket-list';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/members/require-member';
import { workspaceViewer } from '@/lib/support/ticket-access';
import { installationForSupport } from '@/lib/support/ticket-context';
import { listTickets } from '@/lib/support/tickets';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('installedApps.supportPage');
  return { title: t('title') };
}

// One installed app's support: its tickets from this workspace, and a form to open one while it is installed.
export default async function InstalledAppSupportPage({ params }: { params: Promise<{ tenant: string; installationId: string }> }) {
  const { tenant: slug, installationId } = await params;
  const tenant = await requireTenant(slug);
  const member = await requireMember(tenant, 'integrations.manage');
  const installation = await orNotFound(installationForSupport(tenant, member, installationId));
  const { tickets } = await listTickets(workspaceViewer(tenant, member), { appId: installation.appId });
  const t = await getTranslations('installedApps.supportPage');
  return (
    <div className="flex flex-col gap-6">
      <Link href="/settings/installed-apps" className="text-sm text-brand-text underline">
        {t('back')}
      </Link>
      <PageHeader title={t('heading', { app: installation.appName })} description={t('description', { partner: installation.partnerName })} />
      <Card title={t('open')}>
        {installation.active ? (
          <NewTicketForm endpoint="/api/app/support/tickets" extra={{ installationId: installation.id }} threadBase="/settings/support" />
        ) : (
          <p className="text-sm text-slate-700">{t('notInstalled', { app: installation.appName })}</p>
        )}
      </Card>
      <Card title={t('tickets')}>
        <TicketList tickets={tickets} base="/settings/support" empty={t('empty')} />
      </Card>
    </div>
  );
}
