import Link from 'next/link';
import { SubNav } from '@/components/ui/sub-nav';

/** The heading of an app's Reviews and Analytics pages: where it sits under Apps, and tabs between the app's pages. */
export function PartnerAppNav({ appId, appName, current }: { appId: string; appName: string; current: string }) {
  const base = `/partner/apps/${encodeURIComponent(appId)}`;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm break-words">
        <Link href="/partner/apps" className="text-brand-text underline">
          Apps
        </Link>{' '}
        /{' '}
        <Link href={base} className="text-brand-text underline">
          {appName}
        </Link>{' '}
        / {current}
      </p>
      <h2 className="text-xl font-semibold break-words text-slate-900">
        {current}: {appName}
      </h2>
      <nav aria-label={`${appName} pages`}>
        <SubNav
          variant="tabs"
          items={[
            { href: base, label: 'App' },
            { href: `${base}/reviews`, label: 'Reviews' },
            { href: `${base}/analytics`, label: 'Analytics' },
          ]}
        />
      </nav>
    </div>
  );
}
