import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TicketFilters, nextPageHref } from '@/components/support/ticket-filters';
import { TicketList } from '@/components/support/ticket-list';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/members/require-member';
import { workspaceViewer } from '@/lib/support/ticket-access';
import { filtersFromSearch } from '@/lib/support/ticket-schema';
import { listTickets } from '@/lib/support/tickets';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('support.workspace');
  return { title: t('title') };
}

// Admins and owners: the workspace's tickets to the partners of its apps, ended installations' too.
export default async function WorkspaceSupportPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'integrations.manage');
  const filters = filtersFromSearch(await searchParams);
  const { tickets, nextCursor } = await listTickets(workspaceViewer(tenant, member), filters);
  const t = await getTranslations('support.workspace');
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Link href="/settings/installed-apps" className={buttonClass('secondary')}>
            {t('installedApps')}
          </Link>
        }
      />
      <Card>
        <TicketFilters base="/settings/support" filters={filters} />
        <div className="mt-4">
          <TicketList tickets={tickets} base="/settings/support" empty={t('empty')} />
        </div>
        {nextCursor ? (
          <Link href={nextPageHref('/settings/support', filters, nextCursor)} className="mt-4 inline-block text-sm text-brand-text underline">
            {t('older')}
          </Link>
        ) : null}
      </Card>
    </div>
  );
}
