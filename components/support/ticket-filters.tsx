import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import type { TicketListFilters } from '@/lib/support/ticket-schema';

// A plain GET form, so the filters are in the URL (shareable, back button) and work without script.

const STATUSES = ['', 'open', 'pending', 'resolved', 'closed'] as const;
const PRIORITIES = ['', 'urgent', 'high', 'normal', 'low'] as const;

export function TicketFilters({ base, filters, apps, kinds }: { base: string; filters: TicketListFilters; apps?: { value: string; label: string }[]; kinds?: { value: string; label: string }[] }) {
  const t = useTranslations('support.filters');
  return (
    <form method="get" action={base} className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end" aria-label={t('label')}>
      <SelectField label={t('status')} name="status" defaultValue={filters.status ?? ''} options={STATUSES.map((value) => ({ value, label: t(`statuses.${value || 'any'}`) }))} />
      <SelectField label={t('priority')} name="priority" defaultValue={filters.priority ?? ''} options={PRIORITIES.map((value) => ({ value, label: t(`priorities.${value || 'any'}`) }))} />
      {apps?.length ? <SelectField label={t('app')} name="appId" defaultValue={filters.appId ?? ''} options={[{ value: '', label: t('anyApp') }, ...apps]} /> : null}
      {kinds ? <SelectField label={t('kind')} name="kind" defaultValue={filters.kind ?? ''} options={kinds} /> : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass('secondary')}>
          {t('filter')}
        </button>
        <Link href={base} className={buttonClass('ghost')}>
          {t('clear')}
        </Link>
      </div>
    </form>
  );
}

/** The next page's URL with the same filters. */
export function nextPageHref(base: string, filters: TicketListFilters, cursor: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, cursor })) if (value) params.set(key, value);
  return `${base}?${params}`;
}
