import type { Metadata } from 'next';
import Link from 'next/link';
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

export const metadata: Metadata = { title: 'App support' };

// One installed app's support: its tickets from this workspace, and a form to open one while it is installed.
export default async function InstalledAppSupportPage({ params }: { params: Promise<{ tenant: string; installationId: string }> }) {
  const { tenant: slug, installationId } = await params;
  const tenant = await requireTenant(slug);
  const member = await requireMember(tenant, 'integrations.manage');
  const installation = await orNotFound(installationForSupport(tenant, member, installationId));
  const { tickets } = await listTickets(workspaceViewer(tenant, member), { appId: installation.appId });
  return (
    <div className="flex flex-col gap-6">
      <Link href="/settings/installed-apps" className="text-sm text-brand-text underline">
        ← Installed apps
      </Link>
      <PageHeader title={`Support for ${installation.appName}`} description={`Tickets go to ${installation.partnerName}, who makes the app. You get an email when they answer.`} />
      <Card title="Open a ticket">
        {installation.active ? (
          <NewTicketForm endpoint="/api/app/support/tickets" extra={{ installationId: installation.id }} threadBase="/settings/support" />
        ) : (
          <p className="text-sm text-slate-700">{installation.appName} is no longer installed, so new tickets cannot be opened. Its past tickets stay readable below.</p>
        )}
      </Card>
      <Card title="Tickets about this app">
        <TicketList tickets={tickets} base="/settings/support" empty="No tickets about this app yet." />
      </Card>
    </div>
  );
}
