import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { manifestText } from '@/components/integrations/manifest-text';
import { Badge } from '@/components/ui/badge';
import type { AppCard as AppCardData } from '@/lib/marketplace/discovery';
import type { IntegrationId } from '@/lib/integrations/types';
import { categoryText } from './category-text';
import { PriceLabel } from './price-label';

/** An app's logo, or its initial on the brand colour when it has none. */
export function AppLogo({ name, logoUrl, size = 48 }: { name: string; logoUrl: string | null; size?: number }) {
  const box = { width: size, height: size };
  if (logoUrl) return <img src={logoUrl} alt="" width={size} height={size} style={box} className="shrink-0 rounded-lg border border-slate-200 object-cover" />;
  return (
    <span aria-hidden="true" style={box} className="flex shrink-0 items-center justify-center rounded-lg bg-brand text-lg font-bold text-brand-fg">
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}

export function RatingText({ rating }: { rating: AppCardData['rating'] }) {
  const t = useTranslations('marketplace.card');
  if (!rating.count || rating.average === null) return <span>{t('noReviews')}</span>;
  return (
    <span>
      {t.rich('rating', {
        average: rating.average,
        count: rating.count,
        star: (chunks) => <span aria-hidden="true">{chunks}</span>,
        sr: (chunks) => <span className="sr-only">{chunks}</span>,
      })}
    </span>
  );
}

/** One app in a marketplace row or result list: links to its listing (a built-in integration: to its page). */
export function AppCard({ app }: { app: AppCardData }) {
  const t = useTranslations('marketplace');
  const integrations = useTranslations('integrations');
  // A built-in integration's tagline is Waypoint's own words; a partner's app shows what the partner wrote.
  const tagline = app.builtIn ? manifestText(integrations, { id: app.id as IntegrationId }).tagline(app.tagline) : app.tagline;
  return (
    <li className="min-w-0" data-testid="app-card">
      <Link href={app.builtIn?.href ?? `/apps/${app.slug}`} className="flex h-full gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition hover:border-brand focus-visible:border-brand">
        <AppLogo name={app.name} logoUrl={app.logoUrl} />
        <div className="min-w-0 flex-1">
          <p className="font-semibold break-words text-slate-900">{app.name}</p>
          <p className="text-xs text-slate-600">{app.builtIn ? t('card.builtIn') : t('card.by', { partner: app.partnerName })}</p>
          <p className="mt-1 text-sm break-words text-slate-700">{tagline}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-600">
            <Badge>{categoryText(t, app.category)}</Badge>
            <span data-testid="app-card-price">{app.builtIn ? t('pricing.included') : app.price ? <PriceLabel pricing={app.price} /> : app.priceLabel}</span>
            {app.installed ? <Badge tone="success">{t('card.installed')}</Badge> : null}
            {app.unpublished ? <Badge tone="warning">{t('card.notPublished')}</Badge> : null}
            {app.builtIn ? (
              app.builtIn.configured ? null : <Badge tone="warning">{t('card.notConfigured')}</Badge>
            ) : (
              <>
                <span>{t('card.installs', { count: app.installs })}</span>
                <RatingText rating={app.rating} />
              </>
            )}
          </div>
        </div>
      </Link>
    </li>
  );
}

export function AppGrid({ apps, label }: { apps: AppCardData[]; label: string }) {
  return (
    <ul aria-label={label} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {apps.map((app) => (
        <AppCard key={app.id} app={app} />
      ))}
    </ul>
  );
}
