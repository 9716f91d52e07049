import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PrintButton } from '@/components/payouts/print-button';
import { Card } from '@/components/ui/card';
import { FormattedDay, FormattedMonth } from '@/components/ui/formatted';
import { ScrollBox } from '@/components/ui/scroll-box';
import { canSeeMoney } from '@/lib/partners/partner-actor';
import { requirePartner } from '@/lib/partners/partner-session';
import { monthlyStatement } from '@/lib/payouts/partner-earnings';
import { monthOf } from '@/lib/payouts/period';
import { formatCents, formatRate } from '@/lib/resellers/money';

export const metadata: Metadata = { title: 'Statement · Partner portal' };
export const dynamic = 'force-dynamic';

// Printed, the statement is the page: the site's header and navigation, the portal's title
// and the buttons are hidden, and the table is not clipped to a scroll box.
const PRINT_CSS = `@media print {
  header, nav, [data-print-hidden] { display: none !important; }
  [data-statement] { box-shadow: none !important; border: 0 !important; padding: 0 !important; }
  [data-statement] [role="region"] { overflow: visible !important; max-height: none !important; }
  body { background: #fff !important; }
}`;

export default async function PartnerStatementPage({ params }: { params: Promise<{ month: string }> }) {
  const { month } = await params;
  const actor = await requirePartner();
  if (!monthOf(month)) notFound();
  if (!canSeeMoney(actor)) {
    return (
      <Card title="Statement">
        <p className="text-sm text-slate-600" role="status">
          Statements are for owners and billing contacts of your partner account.
        </p>
      </Card>
    );
  }
  const statement = await monthlyStatement(actor, month);
  return (
    <div className="flex flex-col gap-4">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center gap-3" data-print-hidden>
        <Link href="/partner/payouts" className="text-sm text-brand-text underline">
          ← Payouts
        </Link>
        <a href={`/api/partner/statements/${month}`} className="text-sm text-brand-text underline" download>
          Download CSV
        </a>
        <PrintButton />
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-statement data-testid="partner-statement">
        <h2 className="text-lg font-semibold text-slate-900">
          {statement.partnerName}: statement for <FormattedMonth value={month} />
        </h2>
        <p className="mt-1 text-sm text-slate-600">Revenue share on your apps&apos; sales in the month (UTC), and refunds taken back in it. Amounts in US dollars.</p>
        <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">App sales</dt>
            <dd className="font-semibold tabular-nums">{formatCents(statement.grossCents)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Your share</dt>
            <dd className="font-semibold tabular-nums">{formatCents(statement.salesCents)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Refunds</dt>
            <dd className="font-semibold tabular-nums">{formatCents(statement.reversalsCents)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Net</dt>
            <dd className="font-semibold tabular-nums" data-testid="statement-net">
              {formatCents(statement.netCents)}
            </dd>
          </div>
        </dl>
        {statement.lines.length === 0 ? (
          <p className="mt-4 text-sm text-slate-600">Nothing in this month.</p>
        ) : (
          <ScrollBox label="Statement lines" className="mt-4">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4">Date</th>
                  <th scope="col" className="py-2 pr-4">App</th>
                  <th scope="col" className="py-2 pr-4">Workspace</th>
                  <th scope="col" className="py-2 pr-4">Kind</th>
                  <th scope="col" className="py-2 pr-4 text-right">App part</th>
                  <th scope="col" className="py-2 pr-4 text-right">Share</th>
                  <th scope="col" className="py-2 pr-4 text-right">Amount</th>
                  <th scope="col" className="py-2">Status</th>
                </tr>
              </thead>
              <tbody>
                {statement.lines.map((line, index) => (
                  <tr key={`${line.sourceId}-${index}`} className="border-t border-slate-100">
                    <td className="py-2 pr-4 whitespace-nowrap"><FormattedDay value={line.date.toISOString().slice(0, 10)} /></td>
                    <td className="py-2 pr-4">{line.appName}</td>
                    <td className="py-2 pr-4">{line.workspace}</td>
                    <td className="py-2 pr-4">{line.kind === 'sale' ? 'Sale' : 'Refund'}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatCents(line.baseCents)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatRate(line.rateBps)}</td>
                    <td className="py-2 pr-4 text-right font-medium tabular-nums">{formatCents(line.amountCents)}</td>
                    <td className="py-2">{line.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </section>
    </div>
  );
}
