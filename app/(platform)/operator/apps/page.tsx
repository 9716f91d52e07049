import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { FeaturedToggle } from '@/components/marketplace/operator-app-review';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ScrollBox } from '@/components/ui/scroll-box';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { requireOperator } from '@/lib/auth/require-operator';
import { listAppsForOperator, listReviewQueue, QUEUE_STATUSES, queueQuerySchema } from '@/lib/marketplace/app-review';
import { getPlatformFormatter } from '@/lib/platform/platform-format';
import { APP_STATUS_KEYS, VERSION_STATUS_KEYS } from '@/components/platform/app-status-keys';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operatorApps');
  return { title: t('list.metaTitle') };
}
export const dynamic = 'force-dynamic';

const QUEUE_KEYS = { open: 'open', submitted: 'submitted', in_review: 'inReview', changes_requested: 'changesRequested', approved: 'approved', rejected: 'rejected' } as const satisfies Record<
  (typeof QUEUE_STATUSES)[number],
  string
>;

export default async function OperatorAppsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requireOperator();
  const raw = await searchParams;
  const parsed = queueQuerySchema.safeParse({ status: typeof raw.status === 'string' && raw.status ? raw.status : undefined, minAgeDays: typeof raw.minAgeDays === 'string' && raw.minAgeDays ? raw.minAgeDays : undefined });
  const filters = parsed.success ? parsed.data : { status: 'open' as const, minAgeDays: 0 };
  const flaggedOnly = raw.flagged === 'true';
  const [queue, apps, t, format] = await Promise.all([
    listReviewQueue(operator, filters),
    listAppsForOperator(operator, flaggedOnly ? { flagged: 'true' } : {}),
    getTranslations('operatorApps'),
    getPlatformFormatter(),
  ]);
  return (
    <section className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">{t('list.title')}</h1>
      <Card title={t('queue.title')} description={t('queue.description')}>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-4" aria-label={t('queue.filterLabel')}>
          <SelectField label={t('queue.status')} name="status" defaultValue={filters.status} options={QUEUE_STATUSES.map((value) => ({ value, label: t(`queue.statuses.${QUEUE_KEYS[value]}`) }))} />
          <TextField label={t('queue.minAge')} name="minAgeDays" type="number" min={0} max={365} defaultValue={String(filters.minAgeDays)} className="w-44" />
          <Button type="submit" variant="secondary">
            {t('queue.filter')}
          </Button>
          {!parsed.success ? <p className="text-sm text-red-700">{t('queue.invalidFilters')}</p> : null}
        </form>
        {queue.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="review-queue-empty">
            {t('queue.empty')}
          </p>
        ) : (
          <ScrollBox label={t('queue.title')}>
            <table className="w-full min-w-[36rem] text-start text-sm" data-testid="review-queue">
              <thead className="text-xs text-slate-600 uppercase">
                <tr>
                  <th className="py-2 pe-3">{t('queue.columns.app')}</th>
                  <th className="py-2 pe-3">{t('queue.columns.partner')}</th>
                  <th className="py-2 pe-3">{t('queue.columns.version')}</th>
                  <th className="py-2 pe-3">{t('queue.columns.status')}</th>
                  <th className="py-2 pe-3">{t('queue.columns.submitted')}</th>
                  <th className="py-2 pe-3">{t('queue.columns.checks')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {queue.map((item) => (
                  <tr key={item.versionId}>
                    <td className="py-2 pe-3">
                      <Link href={`/operator/apps/${item.appId}?version=${item.versionId}`} className="font-semibold text-brand-text underline">
                        {item.name}
                      </Link>
                    </td>
                    <td className="py-2 pe-3">{item.partner.name}</td>
                    <td className="py-2 pe-3">{item.isUpdate ? t('queue.update', { number: item.number }) : item.number}</td>
                    <td className="py-2 pe-3">
                      <Badge>{t(`versionStatus.${VERSION_STATUS_KEYS[item.status]}`)}</Badge>
                    </td>
                    <td className="py-2 pe-3">{item.submittedAt ? t('queue.submittedAge', { date: format.date(item.submittedAt), days: item.ageDays }) : '—'}</td>
                    <td className="py-2 pe-3">{item.failedChecks ? t('queue.failedChecks', { count: item.failedChecks }) : t('queue.allPassed')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </Card>
      <Card title={t('all.title')} description={t('all.description')}>
        <nav aria-label={t('all.which')} className="mb-4 flex flex-wrap gap-2 text-sm">
          {[
            { label: t('all.title'), href: '/operator/apps', current: !flaggedOnly },
            { label: t('all.flaggedOnly'), href: '/operator/apps?flagged=true', current: flaggedOnly },
          ].map((item) => (
            <Link key={item.href} href={item.href} aria-current={item.current ? 'page' : undefined} className={`rounded-full border px-3 py-1 ${item.current ? 'border-brand bg-brand/10 text-brand-text' : 'border-slate-300 text-slate-700 hover:bg-slate-50'}`}>
              {item.label}
            </Link>
          ))}
        </nav>
        {apps.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="operator-apps-empty">
            {flaggedOnly ? t('all.noneFlagged') : t('all.empty')}
          </p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100" data-testid="operator-apps">
            {apps.map((app) => (
              <li key={app.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <Link href={`/operator/apps/${app.id}`} className="font-semibold break-words text-brand-text underline">
                    {app.name}
                  </Link>{' '}
                  <Badge>{t(`appStatus.${APP_STATUS_KEYS[app.status]}`)}</Badge> {app.featured ? <Badge tone="brand">{t('featured')}</Badge> : null}{' '}
                  {app.healthFlaggedAt ? (
                    <Badge tone="danger" data-testid="flagged-badge">
                      {t('flagged')}
                    </Badge>
                  ) : null}
                  <p className="text-sm text-slate-600">
                    {t('all.summary', { partner: app.partnerName, live: app.liveNumber ? 'yes' : 'no', number: app.liveNumber ?? 0, installs: app.installs })}
                  </p>
                </div>
                {app.status === 'published' ? <FeaturedToggle appId={app.id} name={app.name} featured={app.featured} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}
