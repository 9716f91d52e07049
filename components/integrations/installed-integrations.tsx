import Link from 'next/link';
import { AppLogo } from '@/components/marketplace/app-card';
import { FormattedDateTime } from '@/components/ui/formatted';
import type { InstalledIntegrationView } from '@/lib/integrations/installed-integrations';
import { InstallationControls } from './installation-controls';

/** Settings › Installed apps: the built-in integrations in use, with Uninstall. */
export function InstalledIntegrations({ integrations }: { integrations: InstalledIntegrationView[] }) {
  if (integrations.length === 0) return null;
  return (
    <section aria-labelledby="installed-integrations" className="flex flex-col gap-3">
      <h2 id="installed-integrations" className="text-lg font-semibold text-slate-900">
        Built-in integrations
      </h2>
      <ul className="flex flex-col gap-3" aria-label="Installed integrations">
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
                  Installed <FormattedDateTime value={row.installedAt} />
                  {row.installedBy ? <span className="break-all"> by {row.installedBy}</span> : null}
                </p>
                {row.connects === 'user' ? (
                  <p className="text-slate-700">
                    {row.connections} {row.connections === 1 ? 'member has' : 'members have'} connected an account.
                  </p>
                ) : row.connects === 'workspace' ? (
                  <p className="text-slate-700">{row.connections ? 'Connected.' : 'Not connected yet.'}</p>
                ) : null}
              </div>
              <InstallationControls id={row.id} name={row.name} installed what={row.connects === 'user' ? 'Members’ calendars keep the events already there.' : ''} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
