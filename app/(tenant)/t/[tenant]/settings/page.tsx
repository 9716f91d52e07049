import type { Metadata } from 'next';
import { LeaderboardSwitch } from '@/components/leaderboards/leaderboard-switch';
import { DangerZone } from '@/components/settings/danger-zone';
import { GeneralForm } from '@/components/settings/general-form';
import { Card } from '@/components/ui/card';
import { leaderboardsEnabled } from '@/lib/leaderboards/leaderboards';
import { listMembers } from '@/lib/members/members';
import { can } from '@/lib/members/permissions';
import { roleLabel } from '@/lib/members/role-labels';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Settings' };

export default async function GeneralSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'settings.manage');
  const isOwner = can(member.role, 'owners.manage');
  const candidates = isOwner ? (await listMembers(tenant)).filter((m) => m.userId !== member.userId) : [];
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-slate-900">General</h1>
      <Card title="Workspace">
        <GeneralForm initial={{ name: tenant.name, timeZone: tenant.timeZone, locale: tenant.locale, defaultRole: tenant.defaultRole === 'owner' ? 'member' : tenant.defaultRole, requireTwoFactor: tenant.requireTwoFactor }} timeZones={['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')]} />
      </Card>
      <Card title="Leaderboards">
        <LeaderboardSwitch
          endpoint="/api/app/leaderboards/settings"
          field="enabled"
          initial={await leaderboardsEnabled(tenant.id)}
          label="Show leaderboards"
          hint="Leaderboards rank members of the workspace and of each team by completed goals, contributions, habit consistency and streaks. Members can keep out of them in their account. Team statistics stay either way."
          testId="leaderboards-enabled"
        />
      </Card>
      <Card title="Danger zone">
        <DangerZone slug={tenant.slug} isOwner={isOwner} candidates={candidates.map((m) => ({ membershipId: m.membershipId, label: `${m.name ?? m.email} (${roleLabel(m.role)})` }))} />
      </Card>
    </div>
  );
}
