import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account.security');
  return { title: t('metaTitle') };
}

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
  const t = await getTranslations('account.security');
  return (
    <>
      <Card title={t('twoFactorTitle')} description={sso ? t('twoFactorSso') : t('twoFactorDescription')}>
        <TwoFactorPanel initial={twoFactor} required={roleNeedsTwoFactor(tenant, member.role) ? t('twoFactorRequired', { workspace: tenant.name }) : null} />
      </Card>
      <Card title={t('passwordTitle')}>
        {account.hasPassword ? (
          <ChangePasswordForm email={account.email} />
        ) : (
          <p className="text-sm text-slate-700">
            {t.rich('noPassword', {
              link: (chunks) => (
                <Link href={`/forgot-password?email=${encodeURIComponent(account.email)}`} className="font-semibold text-brand-text underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        )}
      </Card>
      <Card title={t('sessionsTitle')} description={t('sessionsDescription', { workspace: tenant.name })}>
        <SessionsPanel initial={sessions} />
      </Card>
      <Card title={t('appsTitle')} description={t('appsDescription', { workspace: tenant.name })}>
        <ConnectedAppsPanel initial={apps} />
      </Card>
    </>
  );
}
