import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LeaderboardSwitch } from '@/components/leaderboards/leaderboard-switch';
import { DangerZone } from '@/components/settings/danger-zone';
import { GeneralForm } from '@/components/settings/general-form';
import { Card } from '@/components/ui/card';
import { leaderboardsEnabled } from '@/lib/leaderboards/leaderboards';
import { listMembers } from '@/lib/members/members';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settingsGeneral');
  return { title: t('metaTitle') };
}

export default async function GeneralSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'settings.manage');
  const isOwner = can(member.role, 'owners.manage');
  const t = await getTranslations('settingsGeneral');
  const roles = await getTranslations('members.roles');
  const candidates = isOwner ? (await listMembers(tenant)).filter((m) => m.userId !== member.userId) : [];
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
      <Card title={t('workspaceCard')}>
        <GeneralForm initial={{ name: tenant.name, timeZone: tenant.timeZone, locale: tenant.locale, defaultRole: tenant.defaultRole === 'owner' ? 'member' : tenant.defaultRole, requireTwoFactor: tenant.requireTwoFactor }} timeZones={['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')]} />
      </Card>
      <Card title={t('leaderboards.title')}>
        <LeaderboardSwitch
          endpoint="/api/app/leaderboards/settings"
          field="enabled"
          initial={await leaderboardsEnabled(tenant.id)}
          label={t('leaderboards.label')}
          hint={t('leaderboards.hint')}
          testId="leaderboards-enabled"
        />
      </Card>
      <Card title={t('dangerZone')}>
        <DangerZone slug={tenant.slug} isOwner={isOwner} candidates={candidates.map((m) => ({ membershipId: m.membershipId, label: t('candidate', { name: m.name ?? m.email, role: roles(m.role) }) }))} />
      </Card>
    </div>
  );
}
