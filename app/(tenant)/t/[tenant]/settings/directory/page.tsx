import type { Metadata } from 'next';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { DirectoriesPanel } from '@/components/scim/directories-panel';
import { Card } from '@/components/ui/card';
import { featureLock } from '@/lib/billing/entitlements';
import { requireMember } from '@/lib/members/require-member';
import { listDirectories } from '@/lib/scim/directories';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Directory sync (SCIM)' };

// Admins only (integrations.manage): anyone else gets the 403 page.
export default async function DirectorySyncPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'integrations.manage');
  const lock = await featureLock(tenant, 'scim');
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Directory sync (SCIM)</h1>
        <p className="mt-1 text-sm text-slate-600">
          Let your identity provider (Okta, Microsoft Entra ID or any SCIM 2.0 directory) add people to {tenant.name}, keep their details current, move them between teams with
          their groups, and remove them when they leave.
        </p>
      </div>
      {lock ? (
        <UpgradeNotice lock={lock} />
      ) : (
        <>
          <DirectoriesPanel initial={await listDirectories(tenant, member)} />
          <Card title="How syncing works">
            <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
              <li>Only people whose email domain this workspace has verified (under SSO) are provisioned; others are refused.</li>
              <li>Active users become members with the workspace&apos;s default role, or the role the SSO role mapping gives their groups. Owners and admins keep their role.</li>
              <li>Deactivated or deleted users lose their membership at once, and their sessions and app authorizations end.</li>
              <li>Groups become private teams of the same name (or adopt the team that already has it); team members follow the group.</li>
            </ul>
          </Card>
        </>
      )}
    </div>
  );
}
