import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { ConnectedAppsPanel } from '@/components/account/connected-apps-panel';
import { SessionsPanel } from '@/components/account/sessions-panel';
import { Card } from '@/components/ui/card';
import { accountOverview } from '@/lib/account/account-overview';
import { listMySessions } from '@/lib/account/sessions';
import { requireMember } from '@/lib/members/require-member';
import { listConnectedApps } from '@/lib/oauth/connected-apps';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Security' };

export default async function SecurityPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const [account, sessions, apps] = await Promise.all([accountOverview(member), listMySessions(tenant, member), listConnectedApps(tenant, member)]);
  return (
    <>
      <Card title="Password">
        {account.hasPassword ? (
          <ChangePasswordForm email={account.email} />
        ) : (
          <p className="text-sm text-slate-700">
            You sign in without a password (with an email link or single sign-on). To set one, ask for a{' '}
            <Link href={`/forgot-password?email=${encodeURIComponent(account.email)}`} className="font-semibold text-brand-text underline">
              password link by email
            </Link>
            : it proves the address is yours.
          </p>
        )}
      </Card>
      <Card title="Where you are signed in" description={`Your sessions on ${tenant.name}. End any you do not recognise; changing your password ends all of them but this one.`}>
        <SessionsPanel initial={sessions} />
      </Card>
      <Card title="Connected apps" description={`Apps you allowed to use your ${tenant.name} account. Disconnect any you no longer use.`}>
        <ConnectedAppsPanel initial={apps} />
      </Card>
    </>
  );
}
