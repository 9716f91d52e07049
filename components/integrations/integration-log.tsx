import { Badge } from '@/components/ui/badge';
import { FormattedDateTime } from '@/components/ui/formatted';
import type { LogRow } from '@/lib/integrations/log';


const TONES: Record<string, 'neutral' | 'warning' | 'danger'> = { info: 'neutral', warning: 'warning', error: 'danger' };

/** The integration's recent log: syncs, conflicts and how they resolved, errors. */
export function IntegrationLog({ entries }: { entries: LogRow[] }) {
  return (
    <section aria-labelledby="recent-log" className="flex flex-col gap-2">
      <h2 id="recent-log" className="text-lg font-semibold text-slate-900">
        Recent activity
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing yet. Syncs, conflicts and errors show up here.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm" data-testid="integration-log">
          {entries.map((entry) => (
            <li key={entry.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-baseline sm:gap-3">
              <span className="shrink-0 text-slate-600">
                <FormattedDateTime value={entry.createdAt} />
              </span>
              <span className="flex shrink-0 gap-1">
                <Badge tone={TONES[entry.level] ?? 'neutral'}>{entry.level}</Badge>
                <Badge>{entry.kind.replace('_', ' ')}</Badge>
              </span>
              <span className="min-w-0 break-words text-slate-800">{entry.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
