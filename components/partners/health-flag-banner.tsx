import Link from 'next/link';
import { FormattedDateTime } from '@/components/ui/formatted';
import { describeHealthFlag, type HealthFlagView } from '@/lib/partners/app-health-views';

/**
 * The partner's open health flags: what is wrong with which app since when. On the overview
 * each flag links to its app's analytics; on an app's pages the app is implied.
 */
export function HealthFlagBanner({ flags, linkApps = false }: { flags: HealthFlagView[]; linkApps?: boolean }) {
  if (flags.length === 0) return null;
  return (
    <div role="status" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="health-flags">
      <p className="font-semibold">{flags.length === 1 ? 'An integration health problem needs your attention' : `${flags.length} integration health problems need your attention`}</p>
      <ul className="mt-2 flex flex-col gap-2">
        {flags.map((flag) => {
          const words = describeHealthFlag(flag);
          return (
            <li key={flag.id} className="break-words" data-testid="health-flag">
              {linkApps ? (
                <>
                  <Link href={`/partner/apps/${encodeURIComponent(flag.appId)}/analytics`} className="font-semibold underline">
                    {flag.appName}
                  </Link>
                  :{' '}
                </>
              ) : null}
              <span className="font-medium">{words.title}.</span> {words.detail} Flagged <FormattedDateTime value={flag.raisedAt} />; it clears by itself once the rate is back under the threshold.
            </li>
          );
        })}
      </ul>
    </div>
  );
}
