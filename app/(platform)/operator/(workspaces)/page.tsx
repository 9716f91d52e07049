import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PlanSelect } from '@/components/platform/plan-select';
import { BulkSelection, RowCheckbox, SelectAllCheckbox } from '@/components/platform/tenant-bulk-actions';
import { TenantFiguresPanel } from '@/components/platform/tenant-figures';
import { STATUS_KEYS, TenantStatusBadge } from '@/components/platform/tenant-status';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { ScrollBox } from '@/components/ui/scroll-box';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { requireOperator } from '@/lib/auth/require-operator';
import { listPlans } from '@/lib/billing/plans';
import { stripeConfigured } from '@/lib/billing/stripe-client';
import { bulkActionsFor } from '@/lib/platform/bulk-actions';
import { getPlatformFormatter } from '@/lib/platform/platform-format';
import {
  ACTIVITY_FILTERS,
  DIRECT,
  FIRST_DIRECTION,
  listResellerChoices,
  listTenantsForOperator,
  parseTenantListQuery,
  TENANT_STATUSES,
  tenantFigures,
  type ActivityFilter,
  type TenantListQuery,
  type TenantSort,
} from '@/lib/platform/tenant-directory';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operatorTenants');
  return { title: t('metaTitle') };
}
export const dynamic = 'force-dynamic';

const FILTER_KEYS = ['q', 'status', 'plan', 'reseller', 'createdFrom', 'createdTo', 'activity'] as const;

const ACTIVITY_KEYS = { active_7d: 'active7d', active_30d: 'active30d', inactive_30d: 'inactive30d' } as const satisfies Record<ActivityFilter, string>;

/** The list's URL with these filters and this order (empty ones and the default order left out). */
function listHref(query: TenantListQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (query[key]) params.set(key, query[key]);
  if (query.sort !== 'created') params.set('sort', query.sort);
  if (query.dir && query.dir !== FIRST_DIRECTION[query.sort]) params.set('dir', query.dir);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/operator?${search}` : '/operator';
}

/** A column's header: a link that sorts by it (its first direction), or turns the order round when it is the sort already. */
function SortHeader({ query, column, label, className = '' }: { query: TenantListQuery; column: TenantSort; label: string; className?: string }) {
  const dir = query.dir ?? FIRST_DIRECTION[query.sort];
  const current = query.sort === column;
  const next = current ? (dir === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[column];
  return (
    <th scope="col" className={`px-4 py-2 ${className}`} aria-sort={current ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link href={listHref({ ...query, sort: column, dir: next }, 1)} className="inline-flex items-center gap-1 whitespace-nowrap underline-offset-4 hover:underline">
        {label}
        <span aria-hidden className="text-xs text-slate-600">
          {current ? (dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </Link>
    </th>
  );
}

export default async function OperatorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requireOperator();
  const raw = await searchParams;
  const query = parseTenantListQuery(raw);
  // The filter form sends every field, empty or not: keep the URL to the filters that apply.
  if (Object.values(raw).some((value) => value === '')) redirect(listHref(query, query.page));
  const [plans, resellers, figures, list] = await Promise.all([listPlans(), listResellerChoices(), tenantFigures(query), listTenantsForOperator(query)]);
  const planChoices = plans.map(({ id, name }) => ({ id, name }));
  const filtered = FILTER_KEYS.some((key) => Boolean(query[key]));
  const bulkActions = bulkActionsFor(operator.role);
  const [t, format] = await Promise.all([getTranslations('operatorTenants'), getPlatformFormatter()]);
  const dir = query.dir ?? FIRST_DIRECTION[query.sort];
  const first = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.total, list.page * list.pageSize);
  return (
    <div className="page flex flex-col gap-8">
      <div>
        <PageHeader
          title={t('title')}
          description={stripeConfigured() ? t('descriptionStripe') : t('descriptionNoBilling')}
        />
        <TenantFiguresPanel figures={figures} filtered={filtered} />
      </div>

      <section aria-labelledby="list-heading" className="flex flex-col gap-4">
        <h2 id="list-heading" className="text-lg font-semibold text-slate-900">
          {t('list.heading')}
        </h2>
        {/* A plain GET form: filters live in the URL, so they can be shared and work without JavaScript.
            Keyed by the query: after a client-side "Clear" its fields start again from the URL. */}
        <form key={JSON.stringify(query)} method="get" action="/operator" role="search" aria-label={t('filters.label')} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
          {/* The order stays when filtering. */}
          {query.sort !== 'created' ? <input type="hidden" name="sort" value={query.sort} /> : null}
          {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
          <TextField label={t('filters.search')} name="q" type="search" defaultValue={query.q ?? ''} placeholder={t('filters.searchPlaceholder')} />
          <SelectField
            label={t('filters.status')}
            name="status"
            defaultValue={query.status ?? ''}
            options={[{ value: '', label: t('filters.anyStatus') }, ...TENANT_STATUSES.map((status) => ({ value: status, label: t(`status.${STATUS_KEYS[status]}`) }))]}
          />
          <SelectField label={t('filters.plan')} name="plan" defaultValue={query.plan ?? ''} options={[{ value: '', label: t('filters.anyPlan') }, ...planChoices.map((plan) => ({ value: plan.id, label: plan.name }))]} />
          <SelectField
            label={t('filters.reseller')}
            name="reseller"
            defaultValue={query.reseller ?? ''}
            options={[{ value: '', label: t('filters.anyReseller') }, { value: DIRECT, label: t('filters.direct') }, ...resellers.map((reseller) => ({ value: reseller.id, label: reseller.name }))]}
          />
          <TextField label={t('filters.createdFrom')} name="createdFrom" type="date" defaultValue={query.createdFrom ?? ''} />
          <TextField label={t('filters.createdTo')} name="createdTo" type="date" defaultValue={query.createdTo ?? ''} />
          <SelectField
            label={t('filters.activity')}
            name="activity"
            defaultValue={query.activity ?? ''}
            options={[{ value: '', label: t('filters.anyActivity') }, ...ACTIVITY_FILTERS.map((value) => ({ value, label: t(`filters.activities.${ACTIVITY_KEYS[value]}`) }))]}
          />
          <div className="flex gap-2">
            <button type="submit" className={buttonClass('primary')}>
              {t('filters.submit')}
            </button>
            {filtered ? (
              <Link href="/operator" className={buttonClass('ghost')}>
                {t('filters.clear')}
              </Link>
            ) : null}
          </div>
        </form>

        <p className="text-sm text-slate-600" role="status" data-testid="tenant-list-summary">
          {list.total === 0 ? (filtered ? t('list.noMatch') : t('list.empty')) : t('list.summary', { first: format.number(first), last: format.number(last), total: list.total })}
        </p>

        {list.rows.length ? (
          <BulkSelection tenants={list.rows.map(({ id, name }) => ({ id, name }))} plans={planChoices} actions={bulkActions}>
            <ScrollBox label={t('list.label')} className="rounded-lg border border-slate-200 bg-white shadow-sm">
              <table className="w-full border-collapse text-start text-sm">
                <caption className="sr-only">{t('list.caption', { sort: query.sort, dir })}</caption>
                <thead className="bg-slate-100 text-slate-700">
                  <tr>
                    {bulkActions.length ? (
                      <th scope="col" className="w-10 px-4 py-2">
                        <SelectAllCheckbox />
                      </th>
                    ) : null}
                    <SortHeader query={query} column="name" label={t('list.columns.workspace')} />
                    <th scope="col" className="px-4 py-2">
                      {t('list.columns.status')}
                    </th>
                    <th scope="col" className="px-4 py-2">
                      {t('list.columns.plan')}
                    </th>
                    <SortHeader query={query} column="members" label={t('list.columns.members')} className="text-end" />
                    <th scope="col" className="px-4 py-2">
                      {t('list.columns.reseller')}
                    </th>
                    <SortHeader query={query} column="activity" label={t('list.columns.lastActivity')} />
                    <SortHeader query={query} column="created" label={t('list.columns.created')} />
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((tenant) => (
                    <tr key={tenant.id} className="border-t border-slate-100" data-testid={`tenant-row-${tenant.slug}`}>
                      {bulkActions.length ? (
                        <td className="px-4 py-2">
                          <RowCheckbox id={tenant.id} name={tenant.name} />
                        </td>
                      ) : null}
                      <td className="px-4 py-2">
                        {t.rich('list.nameAndSlug', {
                          name: tenant.name,
                          slug: tenant.slug,
                          link: (chunks) => (
                            <Link href={`/operator/tenants/${tenant.id}`} className="font-medium text-brand-text underline">
                              {chunks}
                            </Link>
                          ),
                          muted: (chunks) => <span className="text-slate-600">{chunks}</span>,
                        })}
                      </td>
                      <td className="px-4 py-2">
                        <TenantStatusBadge status={tenant.status} />
                        {tenant.status === 'trial' && tenant.trialEndsAt ? <span className="block text-xs whitespace-nowrap text-slate-600">{t('list.trialEnds', { date: format.date(tenant.trialEndsAt) })}</span> : null}
                      </td>
                      <td className="px-4 py-2">
                        <PlanSelect tenantId={tenant.id} tenantName={tenant.name} plan={tenant.plan} plans={planChoices} />
                      </td>
                      <td className="px-4 py-2 text-end tabular-nums">{format.number(tenant.members)}</td>
                      <td className="px-4 py-2 whitespace-nowrap">{tenant.reseller?.name ?? <span className="text-slate-600">{t('list.direct')}</span>}</td>
                      <td className="px-4 py-2 whitespace-nowrap" title={tenant.lastActivityAt ? format.dateTime(tenant.lastActivityAt) : undefined}>
                        {tenant.lastActivityAt ? format.relative(tenant.lastActivityAt) : <span className="text-slate-600">{t('list.noActivity')}</span>}
                      </td>
                      <td className="px-4 py-2 whitespace-nowrap">{format.date(tenant.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </BulkSelection>
        ) : null}

        {list.pageCount > 1 ? (
          <nav aria-label={t('pages.label')} className="flex flex-wrap items-center justify-between gap-3 text-sm">
            {list.page > 1 ? (
              <Link href={listHref(query, list.page - 1)} className={buttonClass('secondary', '', 'sm')} rel="prev">
                {t('pages.previous')}
              </Link>
            ) : (
              <span />
            )}
            <span className="text-slate-600">
              {t('pages.current', { page: format.number(list.page), count: format.number(list.pageCount) })}
            </span>
            {list.page < list.pageCount ? (
              <Link href={listHref(query, list.page + 1)} className={buttonClass('secondary', '', 'sm')} rel="next">
                {t('pages.next')}
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
