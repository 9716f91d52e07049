import type { Metadata } from 'next';
import { AccountSuspended, BILLING_PATH } from '@/components/billing/account-suspended';
import { StatusPage } from '@/components/platform/status-page';
import { getCurrentMember } from '@/lib/auth/session';
import { signInUrl } from '@/lib/auth/callback-url';
import { isSuspendedForNonPayment } from '@/lib/billing/dunning';
import { platformOrigin, supportEmail } from '@/lib/config/env';
import { getCurrentTenant } from '@/lib/tenancy/current-tenant';
import { db } from '@/lib/db/client';
import { createFormatter } from '@/lib/format/formatter';

export const metadata: Metadata = { title: 'Workspace unavailable' };

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
  const name = tenant?.name ?? 'This workspace';
  const support = supportEmail(tenant?.branding.supportEmail);
  const suspended = tenant?.status === 'suspended';
  const erasure = tenant?.status === 'scheduled_for_deletion' ? (await db.tenant.findUnique({ where: { id: tenant.id }, select: { deletionScheduledAt: true } }))?.deletionScheduledAt : null;
  return (
    <StatusPage code={403} title="Workspace unavailable">
      <p>
        {name} is {suspended ? 'suspended' : 'closed'} and cannot be used right now.{' '}
        {suspended
          ? 'Its owners can restore access from the billing page.'
          : erasure
            ? `Its data will be erased on ${createFormatter({ locale: tenant!.locale, timeZone: tenant!.timeZone }).date(erasure)}; until then, its owners can ask support to restore it.`
            : 'Its owners can ask support to reopen it.'}
      </p>
      <div className="mt-6 flex flex-col items-center gap-3" data-testid="suspended-options">
        {suspended && viewer === 'owner' ? (
          <a href={BILLING_PATH} className={`${ACTION} bg-brand text-brand-fg`}>
            Open billing
          </a>
        ) : null}
        {suspended && viewer === 'signed-out' ? (
          <>
            <a href={signInUrl(BILLING_PATH)} className={`${ACTION} bg-brand text-brand-fg`}>
              Owners: sign in to manage billing
            </a>
            <a href={BILLING_PATH} className="font-semibold text-brand-text underline">
              Go to the billing page
            </a>
          </>
        ) : null}
        {suspended && viewer === 'member' ? <p className="text-sm">Only the workspace’s owners can open billing. Please ask one of them.</p> : null}
        {support ? (
          <p className="text-sm">
            Questions? Write to{' '}
            <a href={`mailto:${support}`} className="font-semibold text-brand-text underline">
              {support}
            </a>
          </p>
        ) : null}
        <a href={platformOrigin()} className="text-sm font-semibold text-slate-700 underline">
          Go to Waypoint
        </a>
      </div>
    </StatusPage>
  );
}
