import { WhiteLabelCredit } from '@/components/resellers/white-label-credit';
import { platformOrigin } from '@/lib/config/env';
import { whiteLabelFor } from '@/lib/resellers/white-label';
import type { TenantContext } from '@/lib/tenancy/tenant-context';

export async function TenantFooter({ tenant }: { tenant: TenantContext }) {
  const { supportEmail, termsUrl, privacyUrl, hidePoweredBy } = tenant.branding;
  // A reseller's client on a plan with white label credits the reseller instead of Waypoint.
  const whiteLabel = hidePoweredBy ? null : await whiteLabelFor(tenant);
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-6 py-5 text-xs text-slate-500">
        <div className="flex gap-4">
          {supportEmail ? <a href={`mailto:${supportEmail}`}>Support</a> : null}
          {termsUrl ? <a href={termsUrl}>Terms</a> : null}
          {privacyUrl ? <a href={privacyUrl}>Privacy</a> : null}
        </div>
        {hidePoweredBy ? null : whiteLabel ? (
          <WhiteLabelCredit label={whiteLabel} />
        ) : (
          <a href={platformOrigin()} data-testid="powered-by" className="hover:text-slate-700">
            Powered by Waypoint
          </a>
        )}
      </div>
    </footer>
  );
}
