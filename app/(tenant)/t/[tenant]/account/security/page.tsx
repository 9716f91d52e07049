import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { ConnectedAppsPanel } from '@/components/account/connected-apps-panel';
import { SessionsPanel } from '@/components/account/sessions-panel';
import { Card } from '@/components/ui/card';
import { TwoFactorPanel } from '@/components/account/two-factor-panel';
import { accountOverview } from '@/lib/account/account-overview';
import { twoFactorStatus } from '@/lib/account/two-factor';
import { roleNeedsTwoFactor, signedInWithSso } from '@/lib/auth/two-factor-policy';
import { listMySessions } from '@/lib/account/sessions';
import { requireMember } from '@/lib/members/require-member';
import { listConnectedApps } from '@/lib/oauth/connected-apps';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Security' };

export default async function SecurityPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  // Open to members who must set up 2FA first: this is where they do it.
  const member = await requireMember(tenant, 'workspace.read', { twoFactorOptional: true });
  const [account, sessions, apps, twoFactor, sso] = await Promise.all([
    accountOverview(member),
    listMySessions(tenant, member),
    listConnectedApps(tenant, member),
    twoFactorStatus(member),
    member.sessionId ? signedInWithSso(member.sessionId) : false,
  ]);
  return (
    <>
      <Card
        title="Two-factor authentication"
        description={
          sso
            ? 'You signed in with single sign-on: your identity provider checks your second factor. A code from Waypoint is asked for only when you sign in with a password.'
            : 'A code from an app on your phone, asked for after your password.'
        }
      >
        <TwoFactorPanel initial={twoFactor} required={roleNeedsTwoFactor(tenant, member.role) ? `${tenant.name} requires two-factor authentication for admins and owners.` : null} />
      </Card>
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
