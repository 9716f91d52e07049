import Link from 'next/link';
import type { ReactNode } from 'react';
import type { HealthFlagView } from '@/lib/partners/app-health-views';
import { healthFlagWords } from './health-flag-words';

/**
 * The partner's open health flags: what is wrong with which app since when. On the overview
 * each flag links to its app's analytics; on an app's pages the app is implied.
 */
export async function HealthFlagBanner({ flags, linkApps = false }: { flags: HealthFlagView[]; linkApps?: boolean }) {
  if (flags.length === 0) return null;
  const { t, fmt, describe } = await healthFlagWords();
  return (
    <div role="status" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="health-flags">
      <p className="font-semibold">{t('bannerTitle', { count: flags.length })}</p>
      <ul className="mt-2 flex flex-col gap-2">
        {flags.map((flag) => {
          const words = describe(flag);
          const values = { title: words.title, detail: words.detail, date: fmt.dateTime(flag.raisedAt), strong: (chunks: ReactNode) => <span className="font-medium">{chunks}</span> };
          return (
            <li key={flag.id} className="break-words" data-testid="health-flag">
              {linkApps
                ? t.rich('bannerFlagOfApp', {
                    ...values,
                    app: flag.appName,
                    link: (chunks) => (
                      <Link href={`/partner/apps/${encodeURIComponent(flag.appId)}/analytics`} className="font-semibold underline">
                        {chunks}
                      </Link>
                    ),
                  })
                : t.rich('bannerFlag', values)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
