import type { ReactNode } from 'react';
import { formatRate } from '@/lib/resellers/money';
import { requireReseller } from '@/lib/resellers/reseller-session';

export const dynamic = 'force-dynamic';

const STATUS_NOTES = {
  pending: 'Your reseller account is waiting for approval by the Waypoint team. You can look around; selling, pricing and recruiting open once it is approved.',
  suspended: 'Your reseller account is suspended: you can see your earnings and payouts, but not sell. Contact the Waypoint team.',
} as const;

// The area's navigation and who is signed in are in its header ((platform)/layout.tsx).
export default async function ResellerDashboardLayout({ children }: { children: ReactNode }) {
  const { reseller } = await requireReseller();
  return (
    <div className="page flex flex-col gap-6">
      <div>
        <p className="text-xs font-semibold tracking-wide text-brand-text uppercase">Reseller dashboard</p>
        <h1 className="text-2xl font-bold text-slate-900" data-testid="reseller-name">
          {reseller.name}
        </h1>
        <p className="text-sm text-slate-600">
          Tier {reseller.tier} · commission {formatRate(reseller.commissionRateBps)} · {reseller.status}
        </p>
      </div>
      {reseller.status !== 'approved' ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {STATUS_NOTES[reseller.status]}
        </p>
      ) : null}
      <div className="min-w-0">{children}</div>
    </div>
  );
}
