import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AvatarUpload } from '@/components/account/avatar-upload';
import { ProfileForm } from '@/components/account/profile-form';
import { LeaderboardSwitch } from '@/components/leaderboards/leaderboard-switch';
import { Card } from '@/components/ui/card';
import { getProfile } from '@/lib/account/profile';
import { timeZoneOptions } from '@/lib/account/profile-options';
import { getLeaderboardParticipation } from '@/lib/leaderboards/settings';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account.profile');
  return { title: t('metaTitle') };
}

export default async function ProfilePage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const profile = await getProfile(tenant, member);
  const t = await getTranslations('account.profile');
  return (
    <>
      <p className="text-sm text-slate-600" data-testid="account-identity">
        {profile.name ? t('identity', { name: profile.name, email: profile.email }) : profile.email}
      </p>
      <Card title={t('pictureTitle')}>
        <AvatarUpload currentUrl={profile.avatarUrl} name={profile.name} email={profile.email} />
      </Card>
      <Card title={t('profileTitle')} description={t('profileDescription', { workspace: tenant.name })}>
        <ProfileForm initial={{ name: profile.name ?? '', timeZone: profile.timeZone ?? '', locale: profile.locale ?? '' }} timeZones={timeZoneOptions()} workspaceTimeZone={tenant.timeZone} workspaceLocale={tenant.locale} />
      </Card>
      <Card title={t('leaderboardsTitle')}>
        <LeaderboardSwitch
          endpoint="/api/app/leaderboards/participation"
          field="optOut"
          initial={(await getLeaderboardParticipation(tenant, member)).optOut}
          label={t('leaderboardOptOut')}
          hint={t('leaderboardOptOutHint', { workspace: tenant.name })}
          testId="leaderboard-opt-out"
        />
      </Card>
    </>
  );
}
