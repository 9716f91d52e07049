import type { Metadata } from 'next';
import Link from 'next/link';
import { FeaturedToggle } from '@/components/marketplace/operator-app-review';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormattedDate } from '@/components/ui/formatted';
import { ScrollBox } from '@/components/ui/scroll-box';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { requireOperator } from '@/lib/auth/require-operator';
import { listAppsForOperator, listReviewQueue, QUEUE_STATUSES, queueQuerySchema } from '@/lib/marketplace/app-review';
import { APP_STATUS_LABELS, STATUS_LABELS } from '@/lib/marketplace/app-views';

export const metadata: Metadata = { title: 'Apps · Operator' };
export const dynamic = 'force-dynamic';

const QUEUE_LABELS: Record<(typeof QUEUE_STATUSES)[number], string> = {
  open: 'Waiting for review',
  submitted: 'Submitted',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved (not published)',
  rejected: 'Rejected',
};

export default async function OperatorAppsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requireOperator();
  const raw = await searchParams;
  const parsed = queueQuerySchema.safeParse({ status: typeof raw.status === 'string' && raw.status ? raw.status : undefined, minAgeDays: typeof raw.minAgeDays === 'string' && raw.minAgeDays ? raw.minAgeDays : undefined });
  const filters = parsed.success ? parsed.data : { status: 'open' as const, minAgeDays: 0 };
  const flaggedOnly = raw.flagged === 'true';
  const [queue, apps] = await Promise.all([listReviewQueue(operator, filters), listAppsForOperator(operator, flaggedOnly ? { flagged: 'true' } : {})]);
  return (
    <section className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">Apps</h1>
      <Card title="Review queue" description="App versions partners submitted, oldest first. Approve, request changes or reject each with a reason; an approved version is published by its partner.">
        <form method="get" className="mb-4 flex flex-wrap items-end gap-4" aria-label="Filter the review queue">
          <SelectField label="Status" name="status" defaultValue={filters.status} options={QUEUE_STATUSES.map((value) => ({ value, label: QUEUE_LABELS[value] }))} />
          <TextField label="Waiting at least (days)" name="minAgeDays" type="number" min={0} max={365} defaultValue={String(filters.minAgeDays)} className="w-44" />
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          {!parsed.success ? <p className="text-sm text-red-700">Those filters are not valid; showing versions waiting for review.</p> : null}
        </form>
        {queue.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="review-queue-empty">
            Nothing here.
          </p>
        ) : (
          <ScrollBox label="Review queue">
            <table className="w-full min-w-[36rem] text-left text-sm" data-testid="review-queue">
              <thead className="text-xs text-slate-600 uppercase">
                <tr>
                  <th className="py-2 pr-3">App</th>
                  <th className="py-2 pr-3">Partner</th>
                  <th className="py-2 pr-3">Version</th>
                  <th className="py-2 pr-3">Status</th>
                  <th className="py-2 pr-3">Submitted</th>
                  <th className="py-2 pr-3">Checks</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {queue.map((item) => (
                  <tr key={item.versionId}>
                    <td className="py-2 pr-3">
                      <Link href={`/operator/apps/${item.appId}?version=${item.versionId}`} className="font-semibold text-brand-text underline">
                        {item.name}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">{item.partner.name}</td>
                    <td className="py-2 pr-3">
                      {item.number}
                      {item.isUpdate ? ' (update)' : ''}
                    </td>
                    <td className="py-2 pr-3">
                      <Badge>{STATUS_LABELS[item.status]}</Badge>
                    </td>
                    <td className="py-2 pr-3">
                      {item.submittedAt ? (
                        <>
                          <FormattedDate value={item.submittedAt} /> ({item.ageDays} d)
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="py-2 pr-3">{item.failedChecks ? `${item.failedChecks} failed` : 'all passed'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </Card>
      <Card title="All apps" description="Feature published apps in every workspace's marketplace; open an app to deprecate or remove it. Flagged: the app's API error rate or webhook failure rate crossed its threshold over the last 24 hours.">
        <nav aria-label="Which apps" className="mb-4 flex flex-wrap gap-2 text-sm">
          {[
            { label: 'All apps', href: '/operator/apps', current: !flaggedOnly },
            { label: 'Flagged only', href: '/operator/apps?flagged=true', current: flaggedOnly },
          ].map((item) => (
            <Link key={item.href} href={item.href} aria-current={item.current ? 'page' : undefined} className={`rounded-full border px-3 py-1 ${item.current ? 'border-brand bg-brand/10 text-brand-text' : 'border-slate-300 text-slate-700 hover:bg-slate-50'}`}>
              {item.label}
            </Link>
          ))}
        </nav>
        {apps.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="operator-apps-empty">
            {flaggedOnly ? 'No app is flagged.' : 'No apps yet.'}
          </p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100" data-testid="operator-apps">
            {apps.map((app) => (
              <li key={app.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <Link href={`/operator/apps/${app.id}`} className="font-semibold break-words text-brand-text underline">
                    {app.name}
                  </Link>{' '}
                  <Badge>{APP_STATUS_LABELS[app.status]}</Badge> {app.featured ? <Badge tone="brand">Featured</Badge> : null}{' '}
                  {app.healthFlaggedAt ? (
                    <Badge tone="danger" data-testid="flagged-badge">
                      Flagged
                    </Badge>
                  ) : null}
                  <p className="text-sm text-slate-600">
                    {app.partnerName} · {app.liveNumber ? `live version ${app.liveNumber}` : 'not published'} · {app.installs} installation{app.installs === 1 ? '' : 's'}
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
