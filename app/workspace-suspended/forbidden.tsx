import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AccountSuspended, BILLING_PATH } from '@/components/billing/account-suspended';
import { StatusPage } from '@/components/platform/status-page';
import { getCurrentMember } from '@/lib/auth/session';
import { signInUrl } from '@/lib/auth/callback-url';
import { isSuspendedForNonPayment } from '@/lib/billing/dunning';
import { platformOrigin, supportEmail } from '@/lib/config/env';
import { getCurrentTenant } from '@/lib/tenancy/current-tenant';
import { db } from '@/lib/db/client';
import { getFormatter } from '@/lib/format/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('publicPages.workspaceUnavailable');
  return { title: t('metaTitle') };
}

const ACTION = 'inline-block rounded-md px-4 py-2 font-semibold';

/**
 * The 403 of a suspended or canceled workspace. Never a dead end: a suspended workspace still
 * serves sign-in and billing (lib/tenancy/suspended-access.ts), so owners are offered both;
 * everyone gets the support address (the workspace's, else the platform's SUPPORT_EMAIL) and a
 * way back to Waypoint.
 */
export default async function WorkspaceSuspended() {
  const tenant = await getCurrentTenant();
  const member = tenant ? await getCurrentMember(tenant) : null;
  const viewer = member ? (member.role === 'owner' ? 'owner' : 'member') : 'signed-out';
  // Suspended by dunning (an invoice unpaid for 14 days): a branded page that sends owners to
  // the billing page to pay.
  if (tenant && tenant.status === 'suspended' && (await isSuspendedForNonPayment(tenant.id))) {
    return <AccountSuspended tenant={tenant} viewer={viewer} />;
  }
  const t = await getTranslations('publicPages.workspaceUnavailable');
  const name = tenant?.name ?? t('thisWorkspace');
  const support = supportEmail(tenant?.branding.supportEmail);
  const suspended = tenant?.status === 'suspended';
  const erasure = tenant?.status === 'scheduled_for_deletion' ? (await db.tenant.findUnique({ where: { id: tenant.id }, select: { deletionScheduledAt: true } }))?.deletionScheduledAt : null;
  return (
    <StatusPage code={403} title={t('title')}>
      <p>{suspended ? t('suspended', { name }) : erasure && tenant ? t('closedErasure', { name, date: (await getFormatter(tenant)).date(erasure) }) : t('closed', { name })}</p>
      <div className="mt-6 flex flex-col items-center gap-3" data-testid="suspended-options">
        {suspended && viewer === 'owner' ? (
          <a href={BILLING_PATH} className={`${ACTION} bg-brand text-brand-fg`}>
            {t('openBilling')}
          </a>
        ) : null}
        {suspended && viewer === 'signed-out' ? (
          <>
            <a href={signInUrl(BILLING_PATH)} className={`${ACTION} bg-brand text-brand-fg`}>
              {t('ownersSignIn')}
            </a>
            <a href={BILLING_PATH} className="font-semibold text-brand-text underline">
              {t('goToBilling')}
            </a>
          </>
        ) : null}
        {suspended && viewer === 'member' ? <p className="text-sm">{t('ownersOnly')}</p> : null}
        {support ? (
          <p className="text-sm">
            {t.rich('questions', {
              email: support,
              link: (chunks) => (
                <a href={`mailto:${support}`} className="font-semibold text-brand-text underline" dir="ltr">
                  {chunks}
                </a>
              ),
            })}
          </p>
        ) : null}
        <a href={platformOrigin()} className="text-sm font-semibold text-slate-700 underline">
          {t('toWaypoint')}
        </a>
      </div>
    </StatusPage>
  );
}
