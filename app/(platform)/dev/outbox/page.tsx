import type { Metadata } from 'next';
import Link from 'next/link';
import { ScrollBox } from '@/components/ui/scroll-box';
import { notFound } from 'next/navigation';
import { buttonClass } from '@/components/ui/button';
import { db } from '@/lib/db/client';
import { canReadOutbox } from '@/lib/email/outbox-access';

export const metadata: Metadata = { title: 'Development outbox', robots: { index: false } };
export const dynamic = 'force-dynamic';

function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

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

  return (
    <section className="mx-auto max-w-5xl px-6 py-12">
      <h1 className="text-2xl font-bold text-slate-900">Development outbox</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-600">
        Outgoing email is not configured (<code>SMTP_URL</code> is not set), so Waypoint keeps every message here instead of sending it: invitations, sign-in links and
        notifications. Open a message to read it and follow its links. Set <code>SMTP_URL</code> to send real email; this page then goes away.
      </p>

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3" aria-label="Filter messages">
        <div className="flex flex-col gap-1">
          <label htmlFor="outbox-to" className="text-sm font-medium text-slate-800">
            Recipient
          </label>
          <input
            id="outbox-to"
            name="to"
            type="search"
            defaultValue={to}
            placeholder="someone@example.com"
            className="w-72 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
          />
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          Filter
        </button>
        {to ? (
          <Link href="/dev/outbox" className="py-2 text-sm font-medium text-brand-text underline">
            Show all
          </Link>
        ) : null}
      </form>

      {messages.length === 0 ? (
        <p className="mt-8 text-sm text-slate-500">{to ? `No messages to addresses containing “${to}”.` : 'No messages yet.'}</p>
      ) : (
        <ScrollBox label="Messages" className="mt-6 rounded-lg bg-white shadow-sm">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">The latest {messages.length} messages, newest first</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2">To</th>
              <th scope="col" className="px-4 py-2">Subject</th>
              <th scope="col" className="px-4 py-2">Workspace</th>
              <th scope="col" className="px-4 py-2">Time</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id} className="border-t border-slate-100">
                <td className="px-4 py-2 break-all">{message.to}</td>
                <td className="px-4 py-2">
                  <Link href={`/dev/outbox/${message.id}`} className="font-medium text-brand-text underline">
                    {message.subject}
                  </Link>
                </td>
                <td className="px-4 py-2">{message.tenant?.name ?? 'Platform'}</td>
                <td className="px-4 py-2 whitespace-nowrap text-slate-600">{formatTime(message.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollBox>
      )}
    </section>
  );
}
