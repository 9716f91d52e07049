import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { FormatProvider } from '@/lib/format/format-context';
import { agreementState } from '@/lib/partners/agreement';
import { requirePartner } from '@/lib/partners/partner-session';

export const dynamic = 'force-dynamic';

const STATUS_TONE = { applied: 'warning', active: 'success', rejected: 'danger', suspended: 'danger' } as const;

// The portal's navigation and who is signed in are in its header ((platform)/layout.tsx).
// Dates, numbers and money below are in the page's language, in UTC (a partner has no zone).
export default async function PartnerPortalLayout({ children }: { children: ReactNode }) {
  const { partner, role } = await requirePartner();
  const [t, locale] = await Promise.all([getTranslations('partner'), getLocale()]);
  const agreement = agreementState(partner);
  const link = (chunks: ReactNode) => (
    <Link href="/partner/agreement" className="font-semibold underline">
      {chunks}
    </Link>
  );
  return (
    <FormatProvider settings={{ locale, timeZone: 'UTC' }}>
      <div className="page flex flex-col gap-6">
        <div>
          <p className="text-xs font-semibold tracking-wide text-brand-text uppercase">{t('portal.eyebrow')}</p>
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-bold text-slate-900" data-testid="partner-name">
              {partner.name}
            </h1>
            <Badge tone={STATUS_TONE[partner.status]}>{t(`status.${partner.status}`)}</Badge>
          </div>
        </div>
        {partner.status !== 'active' ? (
          <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t(`portal.statusNote.${partner.status}`)}
          </p>
        ) : agreement !== 'current' ? (
          <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {agreement === 'never'
              ? role === 'owner'
                ? t.rich('portal.agreementNever.owner', { link })
                : t('portal.agreementNever.other')
              : role === 'owner'
                ? t.rich('portal.agreementOutdated.owner', { link })
                : t('portal.agreementOutdated.other')}
          </p>
        ) : null}
        <div className="min-w-0">{children}</div>
      </div>
    </FormatProvider>
  );
}
