import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { agreementState } from '@/lib/partners/agreement';
import { requirePartner } from '@/lib/partners/partner-session';

export const dynamic = 'force-dynamic';

const STATUS_NOTES = {
  applied: 'Your application is waiting for review by the Waypoint team. You can complete your profile and invite your team meanwhile; apps open once it is approved.',
  rejected: 'Your partner application was not accepted.',
  suspended: 'Your partner account is suspended: you can see your apps, but not submit or publish them. Contact the Waypoint team.',
} as const;

const STATUS_TONE = { applied: 'warning', active: 'success', rejected: 'danger', suspended: 'danger' } as const;

// The portal's navigation and who is signed in are in its header ((platform)/layout.tsx).
export default async function PartnerPortalLayout({ children }: { children: ReactNode }) {
  const { partner, role } = await requirePartner();
  const agreement = agreementState(partner);
  return (
    <div className="page flex flex-col gap-6">
      <div>
        <p className="text-xs font-semibold tracking-wide text-brand-text uppercase">Partner portal</p>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold text-slate-900" data-testid="partner-name">
            {partner.name}
          </h1>
          <Badge tone={STATUS_TONE[partner.status]}>{partner.status}</Badge>
        </div>
      </div>
      {partner.status !== 'active' ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {STATUS_NOTES[partner.status]}
        </p>
      ) : agreement !== 'current' ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {agreement === 'never' ? 'Accept the partner agreement before you submit or publish apps.' : 'The partner agreement changed: accept the new version before you submit or publish again.'}{' '}
          {role === 'owner' ? (
            <Link href="/partner/agreement" className="font-semibold underline">
              Read and accept it
            </Link>
          ) : (
            'An owner of your partner account accepts it.'
          )}
        </p>
      ) : null}
      <div className="min-w-0">{children}</div>
    </div>
  );
}
