import type { Metadata } from 'next';
import { StatusPage } from '@/components/platform/status-page';
import { AccountSuspended } from '@/components/billing/account-suspended';
import { getCurrentMember } from '@/lib/auth/session';
import { isSuspendedForNonPayment } from '@/lib/billing/dunning';
import { getCurrentTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Workspace unavailable' };

export default async function WorkspaceSuspended() {
  const tenant = await getCurrentTenant();
  // Suspended by dunning (an invoice unpaid for 14 days): a branded page that sends owners to
  // the billing page, which proxy.ts still serves for suspended workspaces.
  if (tenant && tenant.status === 'suspended' && (await isSuspendedForNonPayment(tenant.id))) {
    const member = await getCurrentMember(tenant);
    return <AccountSuspended tenant={tenant} viewer={member ? (member.role === 'owner' ? 'owner' : 'member') : 'signed-out'} />;
  }
  const name = tenant?.name ?? 'This workspace';
  const support = tenant?.branding.supportEmail;
  return (
    <StatusPage code={403} title="Workspace unavailable">
      <p>
        {name} is {tenant?.status === 'canceled' ? 'closed' : 'suspended'} and cannot be used right now. Its administrators can restore access.
      </p>
      {support ? (
        <p className="mt-4">
          Questions? <a href={`mailto:${support}`} className="font-semibold underline">{support}</a>
        </p>
      ) : null}
    </StatusPage>
  );
}
