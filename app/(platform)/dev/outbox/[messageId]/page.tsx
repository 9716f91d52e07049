import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db/client';
import { extractLinks } from '@/lib/email/extract-links';
import { canReadOutbox } from '@/lib/email/outbox-access';
import { createFormatter, type Formatter } from '@/lib/format/formatter';

// Messages hold one-time links: keep them out of referrers and search engines.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('devOutbox');
  return { title: t('message.metaTitle'), robots: { index: false }, referrer: 'no-referrer' };
}
export const dynamic = 'force-dynamic';

type Words = Awaited<ReturnType<typeof getTranslations<'devOutbox'>>>;

const when = (fmt: Formatter, t: Words, instant: Date) => t('when', { date: fmt.date(instant), time: fmt.preciseTime(instant) });

function delivery(message: { transport: string; sentAt: Date | null; error: string | null }, t: Words, fmt: Formatter): string {
  if (message.error) return t('message.notSent', { error: message.error });
  if (message.sentAt) return t('message.sent', { time: when(fmt, t, message.sentAt) });
  return message.transport === 'outbox' ? t('message.kept') : t('message.notSentYet');
}

export default async function OutboxMessagePage({ params }: { params: Promise<{ messageId: string }> }) {
  if (!(await canReadOutbox())) notFound();
  const { messageId } = await params;
  const message = await db.emailMessage.findUnique({ where: { id: messageId }, include: { tenant: { select: { name: true } } } });
  if (!message) notFound();
  const links = extractLinks(message.text);
  const t = await getTranslations('devOutbox');
  const fmt = createFormatter({ locale: await getLocale(), timeZone: 'UTC' });
  const facts: [string, string][] = [
    [t('message.from'), message.from],
    [t('to'), message.to],
    [t('workspace'), message.tenant?.name ?? t('platform')],
    [t('message.kind'), message.kind],
    [t('message.created'), when(fmt, t, message.createdAt)],
    [t('message.delivery'), delivery(message, t, fmt)],
  ];

  return (
    <section className="mx-auto max-w-5xl px-6 py-12">
      <Link href="/dev/outbox" className="text-sm font-medium text-brand-text underline">
        {t('message.back')}
      </Link>
      <h1 className="mt-4 text-2xl font-bold text-slate-900">{message.subject}</h1>
      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd className="break-all text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>

      <h2 className="mt-8 text-lg font-semibold text-slate-900">{t('message.links')}</h2>
      {links.length ? (
        <ul className="mt-2 flex flex-col gap-1 text-sm">
          {links.map((link) => (
            <li key={link}>
              <a href={link} dir="ltr" className="break-all text-brand-text underline">
                {link}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-500">{t('message.noLinks')}</p>
      )}

      <h2 className="mt-8 text-lg font-semibold text-slate-900">{t('message.preview')}</h2>
      {/* sandbox="": no scripts, forms, navigation or same-origin access from the message. */}
      <iframe title={t('message.previewTitle')} sandbox="" srcDoc={message.html} className="mt-2 h-[640px] w-full rounded-lg border border-slate-200 bg-white" />

      <h2 className="mt-8 text-lg font-semibold text-slate-900">{t('message.plainText')}</h2>
      <pre className="mt-2 rounded-lg border border-slate-200 bg-white p-4 text-sm whitespace-pre-wrap wrap-anywhere text-slate-800">{message.text}</pre>
    </section>
  );
}
