import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { SetPriceForm } from '@/components/resellers/reseller-forms';
import { formatCents } from '@/lib/resellers/money';
import { listResellerPrices } from '@/lib/resellers/prices';
import { requireReseller } from '@/lib/resellers/reseller-session';

export const metadata: Metadata = { title: 'Prices' };
export const dynamic = 'force-dynamic';

export default async function ResellerPricesPage() {
  const actor = await requireReseller();
  const prices = await listResellerPrices(actor);
  const canEdit = actor.reseller.status === 'approved' && actor.role === 'owner';
  return (
    <div className="flex flex-col gap-6">
      <Card title="Your prices" description="What your clients pay each month for each plan. Without a price of yours they pay the list price.">
        <table className="w-full text-left text-sm" data-testid="prices-table">
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4">Plan</th>
              <th scope="col" className="py-2 pr-4 text-right">List price</th>
              <th scope="col" className="py-2 pr-4 text-right">Floor</th>
              <th scope="col" className="py-2 text-right">Your price</th>
            </tr>
          </thead>
          <tbody>
            {prices.map((price) => (
              <tr key={price.planId} className="border-t border-slate-100">
                <td className="py-2 pr-4">{price.planName}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatCents(price.listPriceCents)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{price.floorCents === null ? 'not for resale' : formatCents(price.floorCents)}</td>
                <td className="py-2 text-right font-medium tabular-nums">{price.priceCents === null ? '—' : formatCents(price.priceCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {canEdit ? (
        <Card title="Set a custom price" description="At or above the plan's floor. New subscriptions pay it at once; existing ones when they next change plan.">
          <SetPriceForm plans={prices} />
        </Card>
      ) : null}
    </div>
  );
}
