import { useTranslations } from 'next-intl';
import Link from 'next/link';

type Area = 'Operator' | 'Reseller' | 'Partner';

const AREA_HOME: Record<Area, string> = { Operator: '/operator', Reseller: '/reseller', Partner: '/partner' };
const AREA_KEYS = { Operator: 'areas.operator', Reseller: 'areas.reseller', Partner: 'areas.partner' } as const;

function Brand({ area }: { area?: Area }) {
  const t = useTranslations('platform');
  return (
    <Link href={area ? AREA_HOME[area] : '/'} className="flex shrink-0 items-center gap-2 rounded-md text-lg font-bold whitespace-nowrap text-slate-900">
      <img src="/waypoint-icon.svg" alt="" width={28} height={28} />
      {t('brand')}
      {area ? <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">{t(AREA_KEYS[area])}</span> : null}
    </Link>
  );
}

export { Brand as PlatformBrand };

/** The root domain's public header. Its links never wrap, down to a 320 px screen. */
export function PlatformHeader() {
  const t = useTranslations('platform');
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label={t('publicHeader.label')} className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-4 sm:px-6">
        <Brand />
        <div className="flex min-w-0 items-center gap-3 text-sm font-medium whitespace-nowrap sm:gap-4">
          <Link href="/signin" className="rounded-md text-slate-700 hover:text-slate-900">
            {t('publicHeader.signIn')}
          </Link>
          <Link href="/signup" className="rounded-md bg-brand px-3 py-2 text-brand-fg hover:opacity-90">
            {t('publicHeader.createWorkspace')}
          </Link>
        </div>
      </nav>
    </header>
  );
}
