import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { SubNav } from '@/components/ui/sub-nav';

/** The heading of an app's Reviews and Analytics pages: where it sits under Apps, and tabs between the app's pages. */
export function PartnerAppNav({ appId, appName, current }: { appId: string; appName: string; current: string }) {
  const t = useTranslations('marketplacePartner.nav');
  const base = `/partner/apps/${encodeURIComponent(appId)}`;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm break-words">
        {t.rich('breadcrumb', {
          app: appName,
          current,
          list: (chunks) => (
            <Link href="/partner/apps" className="text-brand-text underline">
              {chunks}
            </Link>
          ),
          link: (chunks) => (
            <Link href={base} className="text-brand-text underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <h2 className="text-xl font-semibold break-words text-slate-900">{t('heading', { current, app: appName })}</h2>
      <nav aria-label={t('pages', { app: appName })}>
        <SubNav
          variant="tabs"
          items={[
            { href: base, label: t('app') },
            { href: `${base}/reviews`, label: t('reviews') },
            { href: `${base}/analytics`, label: t('analytics') },
          ]}
        />
      </nav>
    </div>
  );
}
