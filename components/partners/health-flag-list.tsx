import { Badge } from '@/components/ui/badge';
import { FormattedDateTime } from '@/components/ui/formatted';
import { describeHealthFlag, type HealthFlagView } from '@/lib/partners/app-health-views';

/** An app's health flags for the operator, newest first: open ones marked, each with its measurement. */
export function HealthFlagList({ flags }: { flags: HealthFlagView[] }) {
  if (flags.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="health-flags-empty">
        Never flagged.
      </p>
    );
  }
  return (
    <ul className="flex flex-col divide-y divide-slate-100 text-sm" data-testid="health-flag-list">
      {flags.map((flag) => {
        const words = describeHealthFlag(flag);
        return (
          <li key={flag.id} className="flex flex-col gap-1 py-2 break-words">
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{words.title}</span>
              {flag.clearedAt ? <Badge tone="neutral">Cleared</Badge> : <Badge tone="danger">Open</Badge>}
            </span>
            <span className="text-slate-700">{words.detail}</span>
            <span className="text-slate-600">
              Raised <FormattedDateTime value={flag.raisedAt} />
              {flag.clearedAt ? (
                <>
                  , cleared <FormattedDateTime value={flag.clearedAt} />
                </>
              ) : null}
              {flag.notifiedAt ? '; partner and operators emailed' : '; not emailed yet'}.
            </span>
          </li>
        );
      })}
    </ul>
  );
}
