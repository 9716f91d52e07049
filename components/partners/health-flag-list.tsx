import { Badge } from '@/components/ui/badge';
import type { HealthFlagView } from '@/lib/partners/app-health-views';
import { healthFlagWords } from './health-flag-words';

/** An app's health flags for the operator, newest first: open ones marked, each with its measurement. */
export async function HealthFlagList({ flags }: { flags: HealthFlagView[] }) {
  const { t, fmt, describe } = await healthFlagWords();
  if (flags.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="health-flags-empty">
        {t('neverFlagged')}
      </p>
    );
  }
  return (
    <ul className="flex flex-col divide-y divide-slate-100 text-sm" data-testid="health-flag-list">
      {flags.map((flag) => {
        const words = describe(flag);
        return (
          <li key={flag.id} className="flex flex-col gap-1 py-2 break-words">
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{words.title}</span>
              {flag.clearedAt ? <Badge tone="neutral">{t('cleared')}</Badge> : <Badge tone="danger">{t('open')}</Badge>}
            </span>
            <span className="text-slate-700">{words.detail}</span>
            <span className="text-slate-600">
              {t('history', {
                raised: fmt.dateTime(flag.raisedAt),
                cleared: flag.clearedAt ? 'yes' : 'no',
                clearedAt: flag.clearedAt ? fmt.dateTime(flag.clearedAt) : '',
                notified: flag.notifiedAt ? 'yes' : 'no',
              })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
