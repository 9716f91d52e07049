'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClass } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { FormAlert } from '@/components/ui/form-alert';
import { toast } from '@/components/ui/toaster';
import { useFormat } from '@/lib/format/format-context';
import { api } from '@/lib/http/api-client';
import type { InstalledAppView } from '@/lib/marketplace/installations';
import { AppLogo } from './app-card';
import { priceText } from './price-text';

const key = ['marketplace', 'installations'] as const;

/** The apps installed in the workspace: who, when, scopes, last activity; re-consent and uninstall. */
export function InstalledAppsPanel({ initial }: { initial: InstalledAppView[] }) {
  const t = useTranslations('installedApps');
  const marketplace = useTranslations('marketplace');
  const fmt = useFormat();
  const client = useQueryClient();
  const { data: installs } = useQuery({ queryKey: key, queryFn: () => api<InstalledAppView[]>('/api/app/marketplace/installations'), initialData: initial });
  const uninstall = useMutation({
    mutationFn: (gone: InstalledAppView) => api(`/api/app/marketplace/installations/${gone.id}`, { method: 'DELETE' }),
    onSuccess: (_, gone) => {
      client.setQueryData<InstalledAppView[]>(key, (rows) => rows?.filter((row) => row.id !== gone.id));
      toast.success(t('uninstalled', { app: gone.app.name }));
    },
  });

  if (installs.length === 0) {
    return (
      <EmptyState
        title={t('emptyTitle')}
        description={t('emptyDescription')}
        action={
          <Link href="/apps" className={buttonClass('primary')}>
            {t('browse')}
          </Link>
        }
      />
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={uninstall.error?.message} />
      <ul className="flex flex-col gap-3" aria-label={t('listLabel')}>
        {installs.map((row) => (
          <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="installed-app">
            <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
              <AppLogo name={row.app.name} logoUrl={row.app.logoUrl} size={40} />
              <div className="min-w-0 flex-1">
                <p className="font-semibold text-slate-900">
                  <Link href={`/apps/${row.app.slug}`} className="underline">
                    {row.app.name}
                  </Link>{' '}
                  {row.needsReconsent ? <Badge tone="warning">{t('asksForMore')}</Badge> : null}
                  {row.app.status === 'deprecated' ? <Badge tone="warning">{t('deprecated')}</Badge> : null}
                </p>
                <p className="text-xs text-slate-600">
                  {t('byVersion', { partner: row.app.partnerName, version: row.version.number })}
                </p>
                <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="text-slate-600">{t('installed')}</dt>
                  <dd>
                    {row.installedBy
                      ? t.rich('installedBy', { date: fmt.dateTime(row.installedAt), name: row.installedBy.name ?? row.installedBy.email, who: (chunks) => <span className="break-all">{chunks}</span> })
                      : fmt.dateTime(row.installedAt)}
                  </dd>
                  <dt className="text-slate-600">{t('lastActivity')}</dt>
                  <dd>{row.lastActivityAt ? fmt.dateTime(row.lastActivityAt) : t('never')}</dd>
                  <dt className="text-slate-600">{t('can')}</dt>
                  <dd className="break-words" dir="ltr">{row.scopes.join(', ')}</dd>
                  {row.charge ? (
                    <>
                      <dt className="text-slate-600">{t('price')}</dt>
                      <dd className="break-words" data-testid="installed-app-price">
                        {t.rich(row.charge.billedVia === 'operator' ? 'billedByOperator' : 'onSubscription', {
                          price: priceText(marketplace, row.charge.pricing, fmt),
                          muted: (chunks) => <span className="text-slate-600">{chunks}</span>,
                        })}
                      </dd>
                      <dt className="text-slate-600">{t('thisPeriod')}</dt>
                      <dd data-testid="installed-app-usage">
                        {t('usage', { calls: fmt.number(row.charge.calls), amount: fmt.money(row.charge.estimatedCents, row.charge.pricing.priceCurrency), date: fmt.date(row.charge.periodEnd) })}
                      </dd>
                    </>
                  ) : null}
                  {row.webhookEvents.length ? (
                    <>
                      <dt className="text-slate-600">{t('events')}</dt>
                      <dd className="break-words" dir="ltr">{row.webhookEvents.join(', ')}</dd>
                    </>
                  ) : null}
                </dl>
              </div>
              <div className="flex shrink-0 flex-wrap gap-2">
                <Link href={`/settings/installed-apps/${row.id}/support`} className={buttonClass('secondary')} aria-label={t('supportLabel', { app: row.app.name })}>
                  {t('support')}
                </Link>
                {row.needsReconsent ? (
                  <Link href={`/apps/${row.app.slug}/install`} className={buttonClass('primary')}>
                    {t('review')}
                  </Link>
                ) : null}
                <ConfirmDialog
                  title={t('uninstallTitle', { app: row.app.name })}
                  description={t('uninstallDescription', { app: row.app.name, partner: row.app.partnerName })}
                  confirmLabel={t('uninstall')}
                  pending={uninstall.isPending}
                  onConfirm={() => uninstall.mutateAsync(row)}
                  trigger={
                    <Button type="button" variant="secondary" aria-label={t('uninstallLabel', { app: row.app.name })}>
                      {t('uninstall')}
                    </Button>
                  }
                />
              </div>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
