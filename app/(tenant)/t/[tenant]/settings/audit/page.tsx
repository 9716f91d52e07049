import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { auditActions, auditQuerySchema, queryAudit } from '@/lib/audit/audit-query';
import { getFormatter } from '@/lib/format/server';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit');
  return { title: t('title') };
}

type Search = Record<string, string | string[] | undefined>;

// The filters; an action filter matches the codes that start with it ("member." for all of a kind).
const FIELDS = [
  { name: 'actor', type: 'text' },
  { name: 'action', type: 'text', placeholder: 'member.' },
  { name: 'from', type: 'date' },
  { name: 'to', type: 'date' },
] as const;

export default async function AuditLogPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<Search> }) {
  const tenant = await requireTenant((await params).tenant);
  await requireMember(tenant, 'audit.read');
  const t = await getTranslations('audit');
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const parsed = auditQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const [{ rows, nextCursor }, actions, fmt] = await Promise.all([queryAudit(tenant.id, query), auditActions(tenant.id), getFormatter(tenant)]);
  const filters = new URLSearchParams(Object.entries({ actor: query.actor, action: query.action, from: query.from, to: query.to }).filter((e): e is [string, string] => !!e[1]));

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
        <a href={`/api/app/audit/export?${filters}`} className={buttonClass('secondary')} download>
          {t('export')}
        </a>
      </div>
      <Card>
        <form method="get" className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap" aria-label={t('filterLabel')}>
          {FIELDS.map((field) => (
            <div key={field.name} className="flex min-w-0 flex-col gap-1">
              <label htmlFor={`audit-${field.name}`} className="text-sm font-medium text-slate-800">
                {t(`fields.${field.name}`)}
              </label>
              <input
                id={`audit-${field.name}`}
                name={field.name}
                type={field.type}
                defaultValue={raw[field.name] ?? ''}
                placeholder={'placeholder' in field ? field.placeholder : undefined}
                list={field.name === 'action' ? 'audit-actions' : undefined}
                dir={field.name === 'actor' || field.name === 'action' ? 'ltr' : undefined}
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
              {t('filter')}
            </button>
            <Link href="/settings/audit" className="text-sm text-slate-600 underline">
              {t('clear')}
            </Link>
          </div>
        </form>
        {parsed.success ? null : <p className="mt-3 text-sm text-red-600">{t('invalidFilters')}</p>}
        {rows.length === 0 ? (
          <EmptyState
            className="mt-6"
            title={filters.size || query.cursor ? t('noMatch') : t('empty')}
            description={filters.size || query.cursor ? t('noMatchHint') : t('emptyHint')}
            action={
              filters.size || query.cursor ? (
                <Link href="/settings/audit" className={buttonClass('secondary')}>
                  {t('clearFilters')}
                </Link>
              ) : undefined
            }
          />
        ) : (
          // The table scrolls inside its own box, so a long action or IP never widens the page;
          // on a phone the target and IP fold under the action instead of taking columns.
          <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200">
            <table className="w-full text-start text-sm">
              <caption className="sr-only">{t('caption')}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-500">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t('columns.time')}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t('columns.actor')}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t('columns.action')}
                  </th>
                  <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">
                    {t('columns.target')}
                  </th>
                  <th scope="col" className="hidden px-3 py-2 font-medium lg:table-cell">
                    {t('columns.ip')}
                  </th>
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
                    <td className="max-w-[8rem] px-3 py-2 break-all sm:max-w-none">{row.actorEmail ?? t('system')}</td>
                    <td className="px-3 py-2">
                      <span className="font-mono text-xs break-all" dir="ltr">
                        {row.action}
                      </span>
                      {row.targetType ? <span className="mt-1 block text-xs break-all text-slate-500 md:hidden">{t('targetValue', { type: row.targetType, id: row.targetId ?? '' })}</span> : null}
                    </td>
                    <td className="hidden px-3 py-2 break-all text-slate-600 md:table-cell">{row.targetType ? t('targetValue', { type: row.targetType, id: row.targetId ?? '' }) : null}</td>
                    <td className="hidden px-3 py-2 text-slate-600 lg:table-cell" dir="ltr">
                      {row.ip ?? ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {query.cursor || nextCursor ? (
          <nav aria-label={t('pages')} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
            {query.cursor ? (
              <Link href={`/settings/audit?${filters}`} className={buttonClass('secondary', '', 'sm')}>
                {t('newest')}
              </Link>
            ) : (
              <span />
            )}
            {nextCursor ? (
              <Link href={`/settings/audit?${new URLSearchParams([...filters, ['cursor', nextCursor]])}`} className={buttonClass('secondary', '', 'sm')}>
                {t('older')}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
