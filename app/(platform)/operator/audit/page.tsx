import type { Metadata } from 'next';
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

export const metadata: Metadata = { title: 'Audit log · Operator' };
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
  const log = await listPlatformAudit(query);
  const filtered = Boolean(query.action || query.targetType || query.targetId || query.actor);
  return (
    <div className="page flex flex-col gap-6">
      <PageHeader title="Platform audit log" description="What operators and partners did: partner decisions, app reviews and publications, removals, with who, when, why and from where." />
      <form key={JSON.stringify(query)} method="get" action="/operator/audit" role="search" aria-label="Filter the audit log" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto] lg:items-end">
        <TextField label="Action" name="action" defaultValue={query.action ?? ''} placeholder="partner. or app.published" hint="A whole action, or a prefix ending with a dot." />
        <SelectField label="Target" name="targetType" defaultValue={query.targetType ?? ''} options={[{ value: '', label: 'Any target' }, ...log.targetTypes.map((type) => ({ value: type, label: type }))]} />
        <TextField label="Actor email" name="actor" defaultValue={query.actor ?? ''} />
        {query.targetId ? <input type="hidden" name="targetId" value={query.targetId} /> : null}
        <div className="flex gap-2">
          <button type="submit" className={buttonClass('primary')}>
            Filter
          </button>
          {filtered ? (
            <Link href="/operator/audit" className={buttonClass('ghost')}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      <a href={auditHref(query, 1).replace('/operator/audit', '/api/operator/audit/export')} download className="self-start text-sm font-semibold text-brand-text underline">
        Export these entries as CSV
      </a>
      <p className="text-sm text-slate-600" role="status" data-testid="audit-summary">
        {log.total === 0 ? (filtered ? 'No entry matches these filters.' : 'Nothing recorded yet.') : `${log.total} ${log.total === 1 ? 'entry' : 'entries'}${query.targetId ? ` for ${query.targetId}` : ''}`}
      </p>
      {log.rows.length ? (
        <ScrollBox label="Audit entries" className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Platform audit entries, newest first</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2">When</th>
                <th scope="col" className="px-4 py-2">Action</th>
                <th scope="col" className="px-4 py-2">Actor</th>
                <th scope="col" className="px-4 py-2">Target</th>
                <th scope="col" className="px-4 py-2">Reason and details</th>
                <th scope="col" className="px-4 py-2">IP</th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100 align-top" data-testid="audit-row">
                  <td className="px-4 py-2 whitespace-nowrap">
                    <FormattedDateTime value={row.createdAt} />
                  </td>
                  <td className="px-4 py-2 font-mono text-xs whitespace-nowrap">{row.action}</td>
                  <td className="px-4 py-2">{row.actorEmail ?? <span className="text-slate-600">Waypoint</span>}</td>
                  <td className="px-4 py-2 whitespace-nowrap">
                    <Link href={auditHref({ ...query, targetType: row.targetType, targetId: row.targetId, page: 1 }, 1)} className="text-brand-text underline">
                      {row.targetType} {row.targetId.slice(0, 12)}
                    </Link>
                  </td>
                  <td className="max-w-md px-4 py-2">
                    {row.reason ? <p className="text-slate-900">{row.reason}</p> : null}
                    <p className="text-xs break-all text-slate-600">{metadataSummary(row.metadata)}</p>
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{row.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : null}
      {log.pageCount > 1 ? (
        <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
          {log.page > 1 ? (
            <Link href={auditHref(query, log.page - 1)} className={buttonClass('secondary', '', 'sm')} rel="prev">
              Previous
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600">
            Page {log.page} of {log.pageCount}
          </span>
          {log.page < log.pageCount ? (
            <Link href={auditHref(query, log.page + 1)} className={buttonClass('secondary', '', 'sm')} rel="next">
              Next
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
