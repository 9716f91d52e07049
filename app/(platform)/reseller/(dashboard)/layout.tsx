import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { SubNav } from '@/components/ui/sub-nav';
import { formatRate } from '@/lib/resellers/money';
import { requireReseller } from '@/lib/resellers/reseller-session';
import { roleLabel } from '@/lib/members/role-labels';

export const dynamic = 'force-dynamic';

const STATUS_NOTES = {
  pending: 'Your reseller account is waiting for approval by the Waypoint team. You can look around; selling, pricing and recruiting open once it is approved.',
  suspended: 'Your reseller account is suspended: you can see your earnings and payouts, but not sell. Contact the Waypoint team.',
} as const;

export default async function ResellerDashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requireReseller();
  const { reseller } = actor;
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-6 py-10">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-text">Reseller dashboard</p>
          <h1 className="text-2xl font-bold text-slate-900" data-testid="reseller-name">
            {reseller.name}
          </h1>
          <p className="text-sm text-slate-600">
            Tier {reseller.tier} · commission {formatRate(reseller.commissionRateBps)} · {reseller.status}
          </p>
        </div>
        <div className="flex items-center gap-3 text-sm text-slate-600">
          <span>
            {actor.email} ({roleLabel(actor.role)})
          </span>
          <SignOutButton callbackUrl="/reseller/signin" />
        </div>
      </div>
      {reseller.status !== 'approved' ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {STATUS_NOTES[reseller.status]}
        </p>
      ) : null}
      <nav aria-label="Reseller">
        <SubNav
          variant="tabs"
          items={[
            { href: '/reseller', label: 'Overview' },
            { href: '/reseller/clients', label: 'Clients' },
            { href: '/reseller/prices', label: 'Prices' },
            { href: '/reseller/network', label: 'Sub-resellers' },
            { href: '/reseller/payouts', label: 'Payouts' },
            { href: '/reseller/settings', label: 'Settings' },
          ]}
        />
      </nav>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
