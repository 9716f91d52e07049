import type { Metadata } from 'next';
import { AvatarUpload } from '@/components/account/avatar-upload';
import { ProfileForm } from '@/components/account/profile-form';
import { LeaderboardSwitch } from '@/components/leaderboards/leaderboard-switch';
import { Card } from '@/components/ui/card';
import { getProfile } from '@/lib/account/profile';
import { timeZoneOptions } from '@/lib/account/profile-options';
import { getLeaderboardParticipation } from '@/lib/leaderboards/settings';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Your profile' };

export default async function ProfilePage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const profile = await getProfile(tenant, member);
  return (
    <>
      <p className="text-sm text-slate-600" data-testid="account-identity">
        {profile.name ? `${profile.name} · ` : ''}
        {profile.email}
      </p>
      <Card title="Picture">
        <AvatarUpload currentUrl={profile.avatarUrl} name={profile.name} email={profile.email} />
      </Card>
      <Card title="Profile" description={`Your name is shown wherever you work; your time zone and language apply in ${tenant.name}.`}>
        <ProfileForm initial={{ name: profile.name ?? '', timeZone: profile.timeZone ?? '', locale: profile.locale ?? '' }} timeZones={timeZoneOptions()} workspaceTimeZone={tenant.timeZone} workspaceLocale={tenant.locale} />
      </Card>
      <Card title="Leaderboards">
        <LeaderboardSwitch
          endpoint="/api/app/leaderboards/participation"
          field="optOut"
          initial={(await getLeaderboardParticipation(tenant, member)).optOut}
          label="Keep me out of leaderboards"
          hint={`Others in ${tenant.name} no longer see you on any leaderboard; you still see your own figures there.`}
          testId="leaderboard-opt-out"
        />
      </Card>
    </>
  );
}
