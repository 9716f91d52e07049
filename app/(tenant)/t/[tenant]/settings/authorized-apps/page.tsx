import type { Metadata } from 'next';
import { AuthorizedAppsPanel } from '@/components/oauth/authorized-apps-panel';
import { requireMember } from '@/lib/members/require-member';
import { listAuthorizedApps } from '@/lib/oauth/grants';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Authorized apps' };

// Admins only (integrations.manage; the settings layout already asks for settings.manage).
export default async function AuthorizedAppsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'integrations.manage');
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Authorized apps</h1>
        <p className="mt-1 text-sm text-slate-600">
          Third-party apps that people in {tenant.name} have connected to their account, and apps acting for the workspace itself. Revoking one stops its access at once.
        </p>
      </div>
      <AuthorizedAppsPanel initial={await listAuthorizedApps(tenant, member)} />
    </div>
  );
}
