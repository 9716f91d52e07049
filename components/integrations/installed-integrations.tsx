import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { AppLogo } from '@/components/marketplace/app-card';
import { FormattedDateTime } from '@/components/ui/formatted';
import type { InstalledIntegrationView } from '@/lib/integrations/installed-integrations';
import { InstallationControls } from './installation-controls';

/** Settings › Installed apps: the built-in integrations in use, with Uninstall. */
export function InstalledIntegrations({ integrations }: { integrations: InstalledIntegrationView[] }) {
  const t = useTranslations('integrations');
  if (integrations.length === 0) return null;
  return (
    <section aria-labelledby="installed-integrations" className="flex flex-col gap-3">
      <h2 id="installed-integrations" className="text-lg font-semibold text-slate-900">
        {t('installedList.heading')}
      </h2>
      <ul className="flex flex-col gap-3" aria-label={t('installedList.label')}>
        {integrations.map((row) => (
          <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="installed-integration">
            <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
              <AppLogo name={row.name} logoUrl={null} size={40} />
              <div className="min-w-0 flex-1 text-sm">
                <p className="font-semibold text-slate-900">
                  <Link href={`/integrations/${row.id}`} className="underline">
                    {row.name}
                  </Link>
                </p>
                <p className="text-slate-700">
                  {t.rich(row.installedBy ? 'installedList.installedAtBy' : 'installedList.installedAt', {
                    name: row.installedBy ?? '',
                    date: () => <FormattedDateTime value={row.installedAt} />,
                    who: (chunks) => <span className="break-all">{chunks}</span>,
                  })}
                </p>
                {row.connects === 'user' ? (
                  <p className="text-slate-700">{t('installedList.membersConnected', { count: row.connections })}</p>
                ) : row.connects === 'workspace' ? (
                  <p className="text-slate-700">{row.connections ? t('installedList.connected') : t('installedList.notConnected')}</p>
                ) : null}
              </div>
              <InstallationControls id={row.id} name={row.name} installed what={row.connects === 'user' ? t('keepsCalendarEvents') : ''} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
