import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { auditActions, auditQuerySchema, queryAudit } from '@/lib/audit/audit-query';
import { getFormatter } from '@/lib/format/server';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Audit log' };

type Search = Record<string, string | string[] | undefined>;

const FIELDS = [
  { name: 'actor', label: 'Actor email', type: 'text' },
  { name: 'action', label: 'Action', type: 'text', placeholder: 'member.' },
  { name: 'from', label: 'From', type: 'date' },
  { name: 'to', label: 'To', type: 'date' },
] as const;

export default async function AuditLogPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<Search> }) {
  const tenant = await requireTenant((await params).tenant);
  await requireMember(tenant, 'audit.read');
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const parsed = auditQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const [{ rows, nextCursor }, actions, fmt] = await Promise.all([queryAudit(tenant.id, query), auditActions(tenant.id), getFormatter(tenant)]);
  const filters = new URLSearchParams(Object.entries({ actor: query.actor, action: query.action, from: query.from, to: query.to }).filter((e): e is [string, string] => !!e[1]));

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-slate-900">Audit log</h1>
        <a href={`/api/app/audit/export?${filters}`} className={buttonClass('secondary')} download>
          Export CSV
        </a>
      </div>
      <Card>
        <form method="get" className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap" aria-label="Filter the audit log">
          {FIELDS.map((field) => (
            <div key={field.name} className="flex min-w-0 flex-col gap-1">
              <label htmlFor={`audit-${field.name}`} className="text-sm font-medium text-slate-800">
                {field.label}
              </label>
              <input
                id={`audit-${field.name}`}
                name={field.name}
                type={field.type}
                defaultValue={raw[field.name] ?? ''}
                placeholder={'placeholder' in field ? field.placeholder : undefined}
                list={field.name === 'action' ? 'audit-actions' : undefined}
                size={1}
                className="w-full min-w-0 rounded-md border border-slate-300 px-3 py-2 text-sm sm:w-44"
              />
            </div>
          ))}
          {/* The actions this workspace has recorded, offered as the action field's suggestions. */}
          <datalist id="audit-actions">
            {actions.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
          <div className="col-span-2 flex items-center gap-3">
            <button type="submit" className={buttonClass('primary')}>
              Filter
            </button>
            <Link href="/settings/audit" className="text-sm text-slate-600 underline">
              Clear
            </Link>
          </div>
        </form>
        {parsed.success ? null : <p className="mt-3 text-sm text-red-600">Some filters were not valid and were ignored. Dates look like 2026-01-31.</p>}
        {rows.length === 0 ? (
          <EmptyState
            className="mt-6"
            title={filters.size || query.cursor ? 'No entries match these filters' : 'Nothing recorded yet'}
            description={filters.size || query.cursor ? 'Try a wider date range or another action.' : 'Changes to members, settings, keys and domains are recorded here.'}
            action={
              filters.size || query.cursor ? (
                <Link href="/settings/audit" className={buttonClass('secondary')}>
                  Clear filters
                </Link>
              ) : undefined
            }
          />
        ) : (
          // The table scrolls inside its own box, so a long action or IP never widens the page;
          // on a phone the target and IP fold under the action instead of taking columns.
          <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Audit log entries, newest first</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-500">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Time</th>
                  <th scope="col" className="px-3 py-2 font-medium">Actor</th>
                  <th scope="col" className="px-3 py-2 font-medium">Action</th>
                  <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">Target</th>
                  <th scope="col" className="hidden px-3 py-2 font-medium lg:table-cell">IP</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-b border-slate-100 align-top last:border-0">
                    <td className="px-3 py-2 text-slate-600">
                      <time dateTime={row.createdAt}>
                        <span className="block whitespace-nowrap">{fmt.date(row.createdAt)}</span>
                        <span className="block whitespace-nowrap text-xs">{fmt.preciseTime(row.createdAt)}</span>
                      </time>
                    </td>
                    <td className="max-w-[8rem] px-3 py-2 break-all sm:max-w-none">{row.actorEmail ?? 'system'}</td>
                    <td className="px-3 py-2">
                      <span className="font-mono text-xs break-all">{row.action}</span>
                      {row.targetType ? <span className="mt-1 block text-xs break-all text-slate-500 md:hidden">{`${row.targetType} ${row.targetId ?? ''}`}</span> : null}
                    </td>
                    <td className="hidden px-3 py-2 break-all text-slate-600 md:table-cell">{row.targetType ? `${row.targetType} ${row.targetId ?? ''}` : ''}</td>
                    <td className="hidden px-3 py-2 text-slate-600 lg:table-cell">{row.ip ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {query.cursor || nextCursor ? (
          <nav aria-label="Audit log pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
            {query.cursor ? (
              <Link href={`/settings/audit?${filters}`} className={buttonClass('secondary', '', 'sm')}>
                Newest entries
              </Link>
            ) : (
              <span />
            )}
            {nextCursor ? (
              <Link href={`/settings/audit?${new URLSearchParams([...filters, ['cursor', nextCursor]])}`} className={buttonClass('secondary', '', 'sm')}>
                Older entries
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
