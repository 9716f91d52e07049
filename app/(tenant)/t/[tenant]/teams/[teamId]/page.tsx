import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { TeamStatsPanel } from '@/components/leaderboards/team-stats-panel';
import { ActivityFeed } from '@/components/activity/activity-feed';
import { TeamDetailView } from '@/components/teams/team-detail-view';
import { activityFeed } from '@/lib/activity/feed';
import { listGoals } from '@/lib/goals/goals';
import { AppError } from '@/lib/http/problem';
import { leaderboardsEnabled } from '@/lib/leaderboards/leaderboards';
import { getTeamStats } from '@/lib/leaderboards/team-stats';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { addCandidates } from '@/lib/teams/team-candidates';
import { getTeam } from '@/lib/teams/teams';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string; teamId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('teamDetail');
  return { title: t('metaTitle') };
}

export default async function TeamPage({ params }: { params: Params }) {
  const { tenant: slug, teamId } = await params;
  const tenant = await requireTenant(slug);
  const member = await requireMember(tenant);
  // A private team one is not in, or a team of another workspace: "not found" like a missing one.
  const team = await getTeam(tenant, member, teamId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const [people, goals, stats, boards, t] = await Promise.all([
    addCandidates(tenant, member, teamId),
    team.access.canSeeGoals ? listGoals(tenant, member, { teamId }) : Promise.resolve(null),
    getTeamStats(tenant, member, teamId),
    leaderboardsEnabled(tenant.id),
    getTranslations('teamDetail'),
  ]);
  return (
    <section className="mx-auto max-w-5xl px-6 py-10">
      <TeamDetailView
        initial={team}
        viewerId={member.userId}
        people={people}
        goals={goals}
        canCreateGoals={can(member.role, 'goals.write')}
        statistics={<TeamStatsPanel initial={stats} showLeaderboardLink={boards} />}
      />
      {team.access.canSeeGoals ? (
        <div className="mt-10">
          <ActivityFeed
            scope={{ kind: 'team', teamId }}
            terminology={tenant.branding.terminology}
            initial={await activityFeed(tenant, member, { kind: 'team', teamId })}
            title={t('activityTitle')}
          />
        </div>
      ) : null}
    </section>
  );
}
