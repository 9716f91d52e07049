import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { Formatter } from '@/lib/format/formatter';
import type { AppCharge } from '@/lib/marketplace/app-charges';

/** The billing page's paid marketplace apps: price, how it is billed, this period's calls and estimate. */
export function AppAddOns({ charges, fmt }: { charges: AppCharge[]; fmt: Formatter }) {
  if (charges.length === 0) return null;
  const total = charges.reduce((sum, charge) => sum + charge.estimatedCents, 0);
  return (
    <Card title="App add-ons" description="Paid marketplace apps installed in the workspace. Estimates for this billing period so far; the invoice is the bill.">
      <ul className="flex flex-col divide-y divide-slate-100 text-sm" data-testid="billing-app-add-ons">
        {charges.map((charge) => (
          <li key={charge.installationId} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-baseline sm:gap-4">
            <Link href={`/apps/${charge.appSlug}`} className="font-medium break-words text-brand-text underline">
              {charge.appName}
            </Link>
            <span className="text-slate-700">{charge.label}</span>
            <span className="text-slate-600">{charge.billedVia === 'operator' ? 'billed by your platform operator' : 'on your subscription, prorated'}</span>
            <span className="sm:ml-auto">
              {fmt.number(charge.calls)} calls · <span className="font-semibold">{fmt.money(charge.estimatedCents, charge.pricing.priceCurrency)}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-slate-700">
        Estimated app add-ons this period: <span className="font-semibold">{fmt.money(total, 'usd')}</span>. Uninstall an app under{' '}
        <Link href="/settings/installed-apps" className="text-brand-text underline">
          Installed apps
        </Link>
        ; its charge stops, prorated.
      </p>
    </Card>
  );
}
