'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
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

const key = ['marketplace', 'installations'] as const;

/** The apps installed in the workspace: who, when, scopes, last activity; re-consent and uninstall. */
export function InstalledAppsPanel({ initial }: { initial: InstalledAppView[] }) {
  const fmt = useFormat();
  const client = useQueryClient();
  const { data: installs } = useQuery({ queryKey: key, queryFn: () => api<InstalledAppView[]>('/api/app/marketplace/installations'), initialData: initial });
  const uninstall = useMutation({
    mutationFn: (gone: InstalledAppView) => api(`/api/app/marketplace/installations/${gone.id}`, { method: 'DELETE' }),
    onSuccess: (_, gone) => {
      client.setQueryData<InstalledAppView[]>(key, (rows) => rows?.filter((row) => row.id !== gone.id));
      toast.success(`${gone.app.name} was uninstalled. Its access stopped at once.`);
    },
  });

  if (installs.length === 0) {
    return <EmptyState title="No apps installed" description="Apps an admin installs from the marketplace show up here." action={<Link href="/apps" className={buttonClass('primary')}>Browse apps</Link>} />;
  }
  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={uninstall.error?.message} />
      <ul className="flex flex-col gap-3" aria-label="Installed apps">
        {installs.map((row) => (
          <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="installed-app">
            <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
              <AppLogo name={row.app.name} logoUrl={row.app.logoUrl} size={40} />
              <div className="min-w-0 flex-1">
                <p className="font-semibold text-slate-900">
                  <Link href={`/apps/${row.app.slug}`} className="underline">
                    {row.app.name}
                  </Link>{' '}
                  {row.needsReconsent ? <Badge tone="warning">Asks for more access</Badge> : null}
                  {row.app.status === 'deprecated' ? <Badge tone="warning">No longer offered</Badge> : null}
                </p>
                <p className="text-xs text-slate-600">
                  by {row.app.partnerName} · version {row.version.number}
                </p>
                <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="text-slate-600">Installed</dt>
                  <dd>
                    {fmt.dateTime(row.installedAt)}
                    {row.installedBy ? <span className="break-all"> by {row.installedBy.name ?? row.installedBy.email}</span> : null}
                  </dd>
                  <dt className="text-slate-600">Last activity</dt>
                  <dd>{row.lastActivityAt ? fmt.dateTime(row.lastActivityAt) : 'Never'}</dd>
                  <dt className="text-slate-600">Can</dt>
                  <dd className="break-words">{row.scopes.join(', ')}</dd>
                  {row.charge ? (
                    <>
                      <dt className="text-slate-600">Price</dt>
                      <dd className="break-words" data-testid="installed-app-price">
                        {row.charge.label}
                        {row.charge.billedVia === 'operator' ? <span className="text-slate-600"> · billed by your platform operator</span> : <span className="text-slate-600"> · on your subscription</span>}
                      </dd>
                      <dt className="text-slate-600">This period</dt>
                      <dd data-testid="installed-app-usage">
                        {fmt.number(row.charge.calls)} API calls · estimated {fmt.money(row.charge.estimatedCents, row.charge.pricing.priceCurrency)} (until {fmt.date(row.charge.periodEnd)})
                      </dd>
                    </>
                  ) : null}
                  {row.webhookEvents.length ? (
                    <>
                      <dt className="text-slate-600">Events</dt>
                      <dd className="break-words">{row.webhookEvents.join(', ')}</dd>
                    </>
                  ) : null}
                </dl>
              </div>
              <div className="flex shrink-0 flex-wrap gap-2">
                <Link href={`/settings/installed-apps/${row.id}/support`} className={buttonClass('secondary')} aria-label={`Support for ${row.app.name}`}>
                  Support
                </Link>
                {row.needsReconsent ? (
                  <Link href={`/apps/${row.app.slug}/install`} className={buttonClass('primary')}>
                    Review
                  </Link>
                ) : null}
                <ConfirmDialog
                  title={`Uninstall ${row.app.name}?`}
                  description={`${row.app.name} loses its access to the workspace at once: its tokens and webhook subscription stop. Data it already copied stays with ${row.app.partnerName}.`}
                  confirmLabel="Uninstall"
                  pending={uninstall.isPending}
                  onConfirm={() => uninstall.mutateAsync(row)}
                  trigger={
                    <Button type="button" variant="secondary" aria-label={`Uninstall ${row.app.name}`}>
                      Uninstall
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
