import { getTranslations } from 'next-intl/server';
import { WhiteLabelCredit } from '@/components/resellers/white-label-credit';
import { platformOrigin } from '@/lib/config/env';
import { whiteLabelFor } from '@/lib/resellers/white-label';
import type { TenantContext } from '@/lib/tenancy/tenant-context';

export async function TenantFooter({ tenant }: { tenant: TenantContext }) {
  const { supportEmail, termsUrl, privacyUrl, hidePoweredBy } = tenant.branding;
  // A reseller's client on a plan with white label credits the reseller instead of Waypoint.
  const whiteLabel = hidePoweredBy ? null : await whiteLabelFor(tenant);
  const t = await getTranslations('footer');
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-6 py-5 text-xs text-slate-500">
        <div className="flex gap-4">
          {supportEmail ? <a href={`mailto:${supportEmail}`}>{t('support')}</a> : null}
          {termsUrl ? <a href={termsUrl}>{t('terms')}</a> : null}
          {privacyUrl ? <a href={privacyUrl}>{t('privacy')}</a> : null}
        </div>
        {hidePoweredBy ? null : whiteLabel ? (
          <WhiteLabelCredit label={whiteLabel} />
        ) : (
          <a href={platformOrigin()} data-testid="powered-by" className="hover:text-slate-700">
            {t('poweredBy', { product: 'Waypoint' })}
          </a>
        )}
      </div>
    </footer>
  );
}
