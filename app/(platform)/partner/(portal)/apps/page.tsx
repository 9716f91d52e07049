import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { createFormatter } from '@/lib/format/formatter';
import { listPartnerApps } from '@/lib/marketplace/apps';
import { APP_CATEGORY_IDS, type AppCategory } from '@/lib/marketplace/categories';
import { requirePartner } from '@/lib/partners/partner-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.meta'))('apps') };
}
export const dynamic = 'force-dynamic';

const isCategory = (id: string): id is AppCategory => (APP_CATEGORY_IDS as readonly string[]).includes(id);

const APP_TONE = { draft: 'neutral', published: 'success', deprecated: 'warning', removed: 'danger' } as const;

export default async function PartnerAppsPage() {
  const actor = await requirePartner();
  const [apps, t, locale] = await Promise.all([listPartnerApps(actor), getTranslations('partnerApps'), getLocale()]);
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const canBuild = actor.partner.status === 'active' && actor.role !== 'billing';
  const category = (id: string) => (isCategory(id) ? t(`categories.${id}`) : id);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold text-slate-900">{t('list.title')}</h2>
        {canBuild ? (
          <Link href="/partner/apps/new" className="inline-flex h-10 items-center rounded-md bg-brand px-4 text-sm font-semibold text-brand-fg hover:opacity-90">
            {t('list.newApp')}
          </Link>
        ) : null}
      </div>
      {apps.length === 0 ? (
        <Card title={t('list.emptyTitle')} description={t('list.emptyDescription')}>
          <p className="text-sm text-slate-600">{canBuild ? t('list.emptyStart') : t('list.emptyInactive')}</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="partner-apps">
          {apps.map((app) => (
            <li key={app.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-start gap-4">
                {app.logoUrl ? (
                  <img src={app.logoUrl} alt="" width={48} height={48} className="h-12 w-12 rounded-lg border border-slate-200 object-cover" />
                ) : (
                  <div aria-hidden className="flex h-12 w-12 items-center justify-center rounded-lg bg-slate-100 text-lg font-bold text-slate-500">
                    {app.name.slice(0, 1)}
                  </div>
                )}
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/partner/apps/${app.id}`} className="font-semibold break-words text-brand-text underline-offset-4 hover:underline">
                      {app.name}
                    </Link>
                    <Badge tone={APP_TONE[app.status]}>{t(`appStatus.${app.status}`)}</Badge>
                    {app.open ? <Badge tone="info">{t('versionBadge', { number: app.open.number, status: t(`versionStatus.${app.open.status}`) })}</Badge> : null}
                    {app.featured ? <Badge tone="brand">{t('featured')}</Badge> : null}
                  </div>
                  <p className="text-sm break-words text-slate-600">{app.tagline || t('list.noTagline')}</p>
                  <p className="text-xs text-slate-500">
                    {app.live
                      ? t('list.metaLive', { category: category(app.category), number: app.live.number, date: fmt.date(app.updatedAt) })
                      : t('list.metaUnpublished', { category: category(app.category), date: fmt.date(app.updatedAt) })}
                  </p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
