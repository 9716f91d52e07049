import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db/client';
import { extractLinks } from '@/lib/email/extract-links';
import { canReadOutbox } from '@/lib/email/outbox-access';

// Messages hold one-time links: keep them out of referrers and search engines.
export const metadata: Metadata = { title: 'Outbox message', robots: { index: false }, referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

function delivery(message: { transport: string; sentAt: Date | null; error: string | null }): string {
  if (message.error) return `not sent: ${message.error}`;
  if (message.sentAt) return `sent by SMTP at ${message.sentAt.toISOString()}`;
  return message.transport === 'outbox' ? 'kept in the outbox (not sent)' : 'not sent yet';
}

export default async function OutboxMessagePage({ params }: { params: Promise<{ messageId: string }> }) {
  if (!(await canReadOutbox())) notFound();
  const { messageId } = await params;
  const message = await db.emailMessage.findUnique({ where: { id: messageId }, include: { tenant: { select: { name: true } } } });
  if (!message) notFound();
  const links = extractLinks(message.text);
  const facts: [string, string][] = [
    ['From', message.from],
    ['To', message.to],
    ['Workspace', message.tenant?.name ?? 'Platform'],
    ['Kind', message.kind],
    ['Created', message.createdAt.toISOString()],
    ['Delivery', delivery(message)],
  ];

  return (
    <section className="mx-auto max-w-5xl px-6 py-12">
      <Link href="/dev/outbox" className="text-sm font-medium text-brand-text underline">
        ← Development outbox
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

      <h2 className="mt-8 text-lg font-semibold text-slate-900">Links in this message</h2>
      {links.length ? (
        <ul className="mt-2 flex flex-col gap-1 text-sm">
          {links.map((link) => (
            <li key={link}>
              <a href={link} className="break-all text-brand-text underline">
                {link}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-500">None.</p>
      )}

      <h2 className="mt-8 text-lg font-semibold text-slate-900">As the recipient sees it</h2>
      {/* sandbox="": no scripts, forms, navigation or same-origin access from the message. */}
      <iframe title="Email preview" sandbox="" srcDoc={message.html} className="mt-2 h-[640px] w-full rounded-lg border border-slate-200 bg-white" />

      <h2 className="mt-8 text-lg font-semibold text-slate-900">Plain-text part</h2>
      <pre className="mt-2 rounded-lg border border-slate-200 bg-white p-4 text-sm whitespace-pre-wrap wrap-anywhere text-slate-800">{message.text}</pre>
    </section>
  );
}
