import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LeaderboardView, type BoardChoice } from '@/components/leaderboards/leaderboard-view';
import { PageHeader } from '@/components/ui/page-header';
import { AppError } from '@/lib/http/problem';
import { getLeaderboard, leaderboardsEnabled } from '@/lib/leaderboards/leaderboards';
import { PERIODS, type Period } from '@/lib/leaderboards/periods';
import { METRICS, type Metric } from '@/lib/leaderboards/ranking';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { listTeams } from '@/lib/teams/teams';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('leaderboards');
  return { title: t('metaTitle') };
}

type Params = Promise<{ tenant: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** ?team=<teamId> opens a team's board, ?period=week|month|all, ?metric=goalsCompleted|contribution|consistency|streak. */
export default async function LeaderboardsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const query = await searchParams;
  const t = await getTranslations('leaderboards');
  const header = <PageHeader title={t('title')} description={t('description', { workspace: tenant.name, timeZone: tenant.timeZone })} />;

  if (!(await leaderboardsEnabled(tenant.id))) {
    return (
      <section className="page flex flex-col gap-6">
        {header}
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700" data-testid="leaderboards-off">
          {can(member.role, 'settings.manage')
            ? t.rich('offAdmin', {
                link: (chunks) => (
                  <Link href="/settings" className="font-medium text-brand-text underline">
                    {chunks}
                  </Link>
                ),
              })
            : t('off')}
        </p>
      </section>
    );
  }

  const teamParam = one(query.team);
  const periodParam = one(query.period);
  const metricParam = one(query.metric);
  const period: Period = PERIODS.includes(periodParam as Period) ? (periodParam as Period) : 'week';
  const metric: Metric = METRICS.includes(metricParam as Metric) ? (metricParam as Metric) : 'goalsCompleted';
  const [teams, initial] = await Promise.all([
    listTeams(tenant, member),
    getLeaderboard(tenant, member, { period, teamId: teamParam }).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404) notFound();
      throw error;
    }),
  ]);
  const choices: BoardChoice[] = [{ teamId: null, label: t('wholeWorkspace') }, ...teams.map((team) => ({ teamId: team.id, label: t('teamBoard', { name: team.name }) }))];
  return (
    <section className="page flex flex-col gap-6">
      {header}
      <LeaderboardView key={`${teamParam ?? ''}-${period}-${metric}`} initial={initial} choices={choices} initialMetric={metric} />
    </section>
  );
}
