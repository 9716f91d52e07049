import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { CommissionTable } from '@/components/resellers/commission-table';
import { TrendChart } from '@/components/resellers/trend-chart';
import { clientSummary, earningsSummary, monthlyTrend, recentCommissions, topProducts } from '@/lib/resellers/dashboard';
import { formatCents } from '@/lib/resellers/money';
import { requireReseller } from '@/lib/resellers/reseller-session';

export const metadata: Metadata = { title: 'Reseller dashboard' };
export const dynamic = 'force-dynamic';

function Stat({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-bold text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </p>
      {note ? <p className="mt-1 text-xs text-slate-500">{note}</p> : null}
    </div>
  );
}

export default async function ResellerOverviewPage() {
  const actor = await requireReseller();
  const [earnings, clients, trend, products, recent] = await Promise.all([earningsSummary(actor), clientSummary(actor), monthlyTrend(actor), topProducts(actor), recentCommissions(actor, 20)]);
  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <Stat label="Total earned" value={formatCents(earnings.totalCents)} testId="earnings-total" />
        <Stat label="Paid" value={formatCents(earnings.paidCents)} testId="earnings-paid" />
        <Stat
          label="Pending"
          value={formatCents(earnings.pendingCents)}
          note={`${formatCents(earnings.holdingCents)} in the holding period, ${formatCents(earnings.availableCents)} awaiting payout`}
          testId="earnings-pending"
        />
        <Stat label="Clients" value={String(clients.total)} testId="clients-total" />
        <Stat label="Active clients" value={String(clients.active)} testId="clients-active" />
      </div>
      <Card title="Sales and commission, last 12 months">
        <TrendChart points={trend} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Top products" className="min-w-0 lg:col-span-1">
          {products.length === 0 ? (
            <p className="text-sm text-slate-600">No commissions yet.</p>
          ) : (
            <ol className="flex flex-col gap-2 text-sm">
              {products.map((product) => (
                <li key={product.planId} className="flex justify-between gap-4">
                  <span>
                    {product.planName} <span className="text-slate-500">({product.invoices} invoices)</span>
                  </span>
                  <span className="font-medium tabular-nums">{formatCents(product.commissionCents)}</span>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card title="Latest commissions" className="min-w-0 lg:col-span-2">
          <CommissionTable lines={recent} caption="Latest commissions" />
        </Card>
      </div>
    </div>
  );
}
