import type { Metadata } from 'next';
import { StatusPage } from '@/components/platform/status-page';
import { getCurrentTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Workspace unavailable' };

export default async function WorkspaceSuspended() {
  const tenant = await getCurrentTenant();
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
