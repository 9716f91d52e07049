import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ScrollBox } from '@/components/ui/scroll-box';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { db } from '@/lib/db/client';
import { canReadOutbox } from '@/lib/email/outbox-access';
import { createFormatter } from '@/lib/format/formatter';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('devOutbox');
  return { title: t('title'), robots: { index: false } };
}
export const dynamic = 'force-dynamic';

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  if (!(await canReadOutbox())) notFound();
  const raw = (await searchParams).to;
  const to = typeof raw === 'string' ? raw.trim().toLowerCase().slice(0, 254) : '';
  const messages = await db.emailMessage.findMany({
    where: to ? { to: { contains: to } } : {},
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, to: true, subject: true, kind: true, createdAt: true, tenant: { select: { name: true } } },
  });
  const t = await getTranslations('devOutbox');
  // A platform page: the reader's language, and times in UTC (the outbox is the server's, not a workspace's).
  const fmt = createFormatter({ locale: await getLocale(), timeZone: 'UTC' });
  const code = (chunks: ReactNode) => <code dir="ltr">{chunks}</code>;

  return (
    <section className="mx-auto max-w-5xl px-6 py-12">
      <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-600">{t.rich('intro', { code })}</p>

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3" aria-label={t('filterLabel')}>
        <div className="flex flex-col gap-1">
          <label htmlFor="outbox-to" className="text-sm font-medium text-slate-800">
            {t('recipient')}
          </label>
          <input
            id="outbox-to"
            name="to"
            type="search"
            dir="ltr"
            defaultValue={to}
            placeholder="someone@example.com"
            className="w-72 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
          />
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          {t('filter')}
        </button>
        {to ? (
          <Link href="/dev/outbox" className="py-2 text-sm font-medium text-brand-text underline">
            {t('showAll')}
          </Link>
        ) : null}
      </form>

      {messages.length === 0 ? (
        <p className="mt-8 text-sm text-slate-500">{to ? t('noneMatching', { to }) : t('none')}</p>
      ) : (
        <ScrollBox label={t('messages')} className="mt-6 rounded-lg bg-white shadow-sm">
        <table className="w-full border-collapse text-start text-sm">
          <caption className="sr-only">{t('caption', { count: messages.length })}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2">{t('to')}</th>
              <th scope="col" className="px-4 py-2">{t('subject')}</th>
              <th scope="col" className="px-4 py-2">{t('workspace')}</th>
              <th scope="col" className="px-4 py-2">{t('time')}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id} className="border-t border-slate-100">
                <td className="px-4 py-2 break-all">
                  <span dir="ltr">{message.to}</span>
                </td>
                <td className="px-4 py-2">
                  <Link href={`/dev/outbox/${message.id}`} className="font-medium text-brand-text underline">
                    {message.subject}
                  </Link>
                </td>
                <td className="px-4 py-2">{message.tenant?.name ?? t('platform')}</td>
                <td className="px-4 py-2 whitespace-nowrap text-slate-600">{t('when', { date: fmt.date(message.createdAt), time: fmt.preciseTime(message.createdAt) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollBox>
      )}
    </section>
  );
}
