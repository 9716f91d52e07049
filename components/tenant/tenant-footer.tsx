import { platformOrigin } from '@/lib/config/env';
import type { TenantContext } from '@/lib/tenancy/tenant-context';

export function TenantFooter({ tenant }: { tenant: TenantContext }) {
  const { supportEmail, termsUrl, privacyUrl, hidePoweredBy } = tenant.branding;
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-6 py-5 text-xs text-slate-500">
        <div className="flex gap-4">
          {supportEmail ? <a href={`mailto:${supportEmail}`}>Support</a> : null}
          {termsUrl ? <a href={termsUrl}>Terms</a> : null}
          {privacyUrl ? <a href={privacyUrl}>Privacy</a> : null}
        </div>
        {hidePoweredBy ? null : (
          <a href={platformOrigin()} data-testid="powered-by" className="hover:text-slate-700">
            Powered by Waypoint
          </a>
        )}
      </div>
    </footer>
  );
}
