import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { SupportSummaryView } from '@/components/support/support-summary';
import { TicketFilters, nextPageHref } from '@/components/support/ticket-filters';
import { TicketList } from '@/components/support/ticket-list';
import { Card } from '@/components/ui/card';
import { requireOperator } from '@/lib/auth/require-operator';
import { operatorViewer } from '@/lib/support/ticket-access';
import { filtersFromSearch } from '@/lib/support/ticket-schema';
import { operatorSupportSummary } from '@/lib/support/ticket-summary';
import { listTickets } from '@/lib/support/tickets';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operatorPartners.support');
  return { title: t('metaTitle') };
}
export const dynamic = 'force-dynamic';

export default async function OperatorSupportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requireOperator();
  const filters = filtersFromSearch(await searchParams);
  const [page, summary, t] = await Promise.all([listTickets(operatorViewer(operator), filters), operatorSupportSummary(), getTranslations('operatorPartners.support')]);
  return (
    <section className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('description')}</p>
      </div>
      <Card title={t('answers.title')} description={t('answers.description')}>
        <SupportSummaryView summary={summary} />
      </Card>
      <Card title={t('tickets')}>
        <TicketFilters base="/operator/support" filters={filters} />
        <div className="mt-4">
          <TicketList tickets={page.tickets} base="/operator/support" empty={t('empty')} />
        </div>
        {page.nextCursor ? (
          <Link href={nextPageHref('/operator/support', filters, page.nextCursor)} className="mt-4 inline-block text-sm text-brand-text underline">
            {t('older')}
          </Link>
        ) : null}
      </Card>
    </section>
  );
}
