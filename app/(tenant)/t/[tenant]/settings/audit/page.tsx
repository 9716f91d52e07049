import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { auditQuerySchema, queryAudit } from '@/lib/audit/audit-query';
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
  const { rows, nextCursor } = await queryAudit(tenant.id, query);
  const filters = new URLSearchParams(Object.entries({ actor: query.actor, action: query.action, from: query.from, to: query.to }).filter((e): e is [string, string] => !!e[1]));

  return (
    <div className="flex flex-col gap-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold text-slate-900">Audit log</h1>
        <a href={`/api/app/audit/export?${filters}`} className={buttonClass('secondary')} download>
          Export CSV
        </a>
      </div>
      <Card>
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
          {FIELDS.map((field) => (
            <div key={field.name} className="flex flex-col gap-1">
              <label htmlFor={`audit-${field.name}`} className="text-sm font-medium text-slate-800">
                {field.label}
              </label>
              <input
                id={`audit-${field.name}`}
                name={field.name}
                type={field.type}
                defaultValue={raw[field.name] ?? ''}
                placeholder={'placeholder' in field ? field.placeholder : undefined}
                className="rounded-md border border-slate-300 px-3 py-2 text-sm"
              />
            </div>
          ))}
          <button type="submit" className={buttonClass('primary')}>
            Filter
          </button>
          <Link href="/settings/audit" className="text-sm text-slate-600 underline">
            Clear
          </Link>
        </form>
        {parsed.success ? null : <p className="mt-3 text-sm text-red-600">Some filters were not valid and were ignored. Dates look like 2026-01-31.</p>}
        <table className="mt-6 w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">Time (UTC)</th>
              <th scope="col" className="py-2 pr-4 font-medium">Actor</th>
              <th scope="col" className="py-2 pr-4 font-medium">Action</th>
              <th scope="col" className="py-2 pr-4 font-medium">Target</th>
              <th scope="col" className="py-2 font-medium">IP</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-4 whitespace-nowrap text-slate-600">{row.createdAt.slice(0, 19).replace('T', ' ')}</td>
                <td className="py-2 pr-4">{row.actorEmail ?? 'system'}</td>
                <td className="py-2 pr-4 font-mono text-xs">{row.action}</td>
                <td className="py-2 pr-4 text-slate-600">{row.targetType ? `${row.targetType} ${row.targetId ?? ''}` : ''}</td>
                <td className="py-2 text-slate-600">{row.ip ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="mt-4 text-sm text-slate-500">No entries match these filters.</p> : null}
        {nextCursor ? (
          <Link href={`/settings/audit?${new URLSearchParams([...filters, ['cursor', nextCursor]])}`} className="mt-4 inline-block text-sm font-semibold text-brand-text underline">
            Older entries
          </Link>
        ) : null}
      </Card>
    </div>
  );
}
