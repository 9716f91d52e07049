import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import type { TicketListFilters } from '@/lib/support/ticket-schema';

// A plain GET form, so the filters are in the URL (shareable, back button) and work without script.

const STATUSES = [
  { value: '', label: 'Any status' },
  { value: 'open', label: 'Open (waiting on the answer)' },
  { value: 'pending', label: 'Pending (waiting on the asker)' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'closed', label: 'Closed' },
];
const PRIORITIES = [{ value: '', label: 'Any priority' }, ...['urgent', 'high', 'normal', 'low'].map((p) => ({ value: p, label: p[0].toUpperCase() + p.slice(1) }))];

export function TicketFilters({ base, filters, apps, kinds }: { base: string; filters: TicketListFilters; apps?: { value: string; label: string }[]; kinds?: { value: string; label: string }[] }) {
  return (
    <form method="get" action={base} className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end" aria-label="Filter tickets">
      <SelectField label="Status" name="status" defaultValue={filters.status ?? ''} options={STATUSES} />
      <SelectField label="Priority" name="priority" defaultValue={filters.priority ?? ''} options={PRIORITIES} />
      {apps?.length ? <SelectField label="App" name="appId" defaultValue={filters.appId ?? ''} options={[{ value: '', label: 'Any app' }, ...apps]} /> : null}
      {kinds ? <SelectField label="Tickets" name="kind" defaultValue={filters.kind ?? ''} options={kinds} /> : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass('secondary')}>
          Filter
        </button>
        <Link href={base} className={buttonClass('ghost')}>
          Clear
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
