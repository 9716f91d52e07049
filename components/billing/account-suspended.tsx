import { getTranslations } from 'next-intl/server';
import { signInUrl } from '@/lib/auth/callback-url';
import { brandCss } from '@/lib/branding/brand-style';
import { supportEmail } from '@/lib/config/env';
import type { TenantContext } from '@/lib/tenancy/tenant-context';

export const BILLING_PATH = '/settings/billing';

/**
 * The "account suspended" page of a workspace suspended for non-payment, in the workspace's
 * brand. Owners are sent to the billing page to pay; everyone else is told who can.
 */
export async function AccountSuspended({ tenant, viewer }: { tenant: TenantContext; viewer: 'owner' | 'member' | 'signed-out' }) {
  const support = supportEmail(tenant.branding.supportEmail);
  const t = await getTranslations('billing.suspendedPage');
  return (
    <div className="flex min-h-screen flex-col bg-slate-50" data-tenant={tenant.slug}>
      <style dangerouslySetInnerHTML={{ __html: brandCss(tenant.branding) }} />
      {tenant.branding.customCss ? <style data-custom-css dangerouslySetInnerHTML={{ __html: tenant.branding.customCss }} /> : null}
      <header className="bg-brand-secondary text-brand-secondary-fg">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-6 py-3 text-lg font-bold">
          {tenant.branding.logoUrl ? <img src={tenant.branding.logoUrl} alt="" height={32} className="h-8 w-auto" /> : null}
          <span>{tenant.name}</span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex flex-1 items-center justify-center px-6 py-16 focus:outline-none">
        <div className="max-w-lg text-center" data-testid="account-suspended">
          <p className="text-sm font-semibold text-slate-500">{403}</p>
          <h1 className="mt-2 text-3xl font-bold text-slate-900">{t('title')}</h1>
          <p className="mt-4 text-slate-600">{t('body', { name: tenant.name })}</p>
          {viewer === 'owner' ? (
            <a href={BILLING_PATH} className="mt-6 inline-block rounded-md bg-brand px-4 py-2 font-semibold text-brand-fg">
              {t('pay')}
            </a>
          ) : viewer === 'member' ? (
            <p className="mt-4 text-slate-600">{t('askOwner')}</p>
          ) : (
            <>
              <p className="mt-4 text-slate-600">{t('areYouOwner', { name: tenant.name })}</p>
              <a href={signInUrl(BILLING_PATH)} className="mt-6 inline-block rounded-md bg-brand px-4 py-2 font-semibold text-brand-fg">
                {t('signInToPay')}
              </a>
            </>
          )}
          {support ? (
            <p className="mt-6 text-sm text-slate-600">
              {t.rich('questions', {
                email: support,
                link: (chunks) => (
                  <a href={`mailto:${support}`} className="font-semibold underline" dir="ltr">
                    {chunks}
                  </a>
                ),
              })}
            </p>
          ) : null}
        </div>
      </main>
    </div>
  );
}
