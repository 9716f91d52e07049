import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { buttonClass } from '@/components/ui/button';
import { FormattedDateTime } from '@/components/ui/formatted';
import { PageHeader } from '@/components/ui/page-header';
import { ScrollBox } from '@/components/ui/scroll-box';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { requireOperator } from '@/lib/auth/require-operator';
import { listPlatformAudit, parsePlatformAuditQuery, type PlatformAuditQuery } from '@/lib/platform/platform-audit-query';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operator.audit');
  return { title: t('metaTitle') };
}
export const dynamic = 'force-dynamic';

function auditHref(query: PlatformAuditQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of ['action', 'targetType', 'targetId', 'actor'] as const) if (query[key]) params.set(key, query[key]!);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/operator/audit?${search}` : '/operator/audit';
}

function metadataSummary(metadata: unknown): string {
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) return '';
  return Object.entries(metadata as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ')
    .slice(0, 300);
}

export default async function OperatorAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireOperator();
  const raw = await searchParams;
  const query = parsePlatformAuditQuery(raw);
  if (Object.values(raw).some((value) => value === '')) redirect(auditHref(query, query.page));
  const [log, t, pages] = await Promise.all([listPlatformAudit(query), getTranslations('operator.audit'), getTranslations('operatorTenants.pages')]);
  const filtered = Boolean(query.action || query.targetType || query.targetId || query.actor);
  return (
    <div className="page flex flex-col gap-6">
      <PageHeader title={t('title')} description={t('description')} />
      <form key={JSON.stringify(query)} method="get" action="/operator/audit" role="search" aria-label={t('filters.label')} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto] lg:items-end">
        <TextField label={t('filters.action')} name="action" defaultValue={query.action ?? ''} placeholder={t('filters.actionPlaceholder')} hint={t('filters.actionHint')} dir="ltr" />
        <SelectField label={t('filters.target')} name="targetType" defaultValue={query.targetType ?? ''} options={[{ value: '', label: t('filters.anyTarget') }, ...log.targetTypes.map((type) => ({ value: type, label: type }))]} />
        <TextField label={t('filters.actor')} name="actor" defaultValue={query.actor ?? ''} dir="ltr" />
        {query.targetId ? <input type="hidden" name="targetId" value={query.targetId} /> : null}
        <div className="flex gap-2">
          <button type="submit" className={buttonClass('primary')}>
            {t('filters.submit')}
          </button>
          {filtered ? (
            <Link href="/operator/audit" className={buttonClass('ghost')}>
              {t('filters.clear')}
            </Link>
          ) : null}
        </div>
      </form>
      <a href={auditHref(query, 1).replace('/operator/audit', '/api/operator/audit/export')} download className="self-start text-sm font-semibold text-brand-text underline">
        {t('export')}
      </a>
      <p className="text-sm text-slate-600" role="status" data-testid="audit-summary">
        {log.total === 0
          ? filtered
            ? t('noMatch')
            : t('empty')
          : t('summary', { count: log.total, hasTarget: query.targetId ? 'yes' : 'no', target: query.targetId ?? '' })}
      </p>
      {log.rows.length ? (
        <ScrollBox label={t('table.label')} className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full border-collapse text-start text-sm">
            <caption className="sr-only">{t('table.caption')}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2">
                  {t('table.when')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('table.action')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('table.actor')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('table.target')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('table.details')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('table.ip')}
                </th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100 align-top" data-testid="audit-row">
                  <td className="px-4 py-2 whitespace-nowrap">
                    <FormattedDateTime value={row.createdAt} />
                  </td>
                  <td className="px-4 py-2 font-mono text-xs whitespace-nowrap" dir="ltr">
                    {row.action}
                  </td>
                  <td className="px-4 py-2">{row.actorEmail ?? <span className="text-slate-600">{t('table.waypoint')}</span>}</td>
                  <td className="px-4 py-2 whitespace-nowrap">
                    <Link href={auditHref({ ...query, targetType: row.targetType, targetId: row.targetId, page: 1 }, 1)} className="text-brand-text underline">
                      {row.targetType} {row.targetId.slice(0, 12)}
                    </Link>
                  </td>
                  <td className="max-w-md px-4 py-2">
                    {row.reason ? <p className="text-slate-900">{row.reason}</p> : null}
                    <p className="text-xs break-all text-slate-600">{metadataSummary(row.metadata)}</p>
                  </td>
                  <td className="px-4 py-2 font-mono text-xs" dir="ltr">
                    {row.ip ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : null}
      {log.pageCount > 1 ? (
        <nav aria-label={pages('label')} className="flex flex-wrap items-center justify-between gap-3 text-sm">
          {log.page > 1 ? (
            <Link href={auditHref(query, log.page - 1)} className={buttonClass('secondary', '', 'sm')} rel="prev">
              {pages('previous')}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600">
            {pages('current', { page: log.page, count: log.pageCount })}
          </span>
          {log.page < log.pageCount ? (
            <Link href={auditHref(query, log.page + 1)} className={buttonClass('secondary', '', 'sm')} rel="next">
              {pages('next')}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
