import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { FormatProvider } from '@/lib/format/format-context';
import { createFormatter } from '@/lib/format/formatter';
import { rateText } from '@/lib/resellers/money';
import { requireReseller } from '@/lib/resellers/reseller-session';

export const dynamic = 'force-dynamic';

// The area's navigation and who is signed in are in its header ((platform)/layout.tsx).
// Dates, numbers and money below are in the page's language, in UTC (a reseller has no zone).
export default async function ResellerDashboardLayout({ children }: { children: ReactNode }) {
  const { reseller } = await requireReseller();
  const [t, locale] = await Promise.all([getTranslations('reseller'), getLocale()]);
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  return (
    <FormatProvider settings={fmt.settings}>
      <div className="page flex flex-col gap-6">
        <div>
          <p className="text-xs font-semibold tracking-wide text-brand-text uppercase">{t('dashboard.eyebrow')}</p>
          <h1 className="text-2xl font-bold text-slate-900" data-testid="reseller-name">
            {reseller.name}
          </h1>
          <p className="text-sm text-slate-600">{t('dashboard.summary', { tier: reseller.tier, rate: rateText(fmt, reseller.commissionRateBps), status: t(`network.statuses.${reseller.status}`) })}</p>
        </div>
        {reseller.status !== 'approved' ? (
          <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t(`dashboard.statusNote.${reseller.status}`)}
          </p>
        ) : null}
        <div className="min-w-0">{children}</div>
      </div>
    </FormatProvider>
  );
}
