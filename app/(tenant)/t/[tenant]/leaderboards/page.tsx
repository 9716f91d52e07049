import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LeaderboardView, type BoardChoice } from '@/components/leaderboards/leaderboard-view';
import { PageHeader } from '@/components/ui/page-header';
import { term } from '@/lib/branding/terminology';
import { AppError } from '@/lib/http/problem';
import { getLeaderboard, leaderboardsEnabled } from '@/lib/leaderboards/leaderboards';
import { PERIODS, type Period } from '@/lib/leaderboards/periods';
import { METRICS, type Metric } from '@/lib/leaderboards/ranking';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { listTeams } from '@/lib/teams/teams';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Leaderboards' };

type Params = Promise<{ tenant: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** ?team=<teamId> opens a team's board, ?period=week|month|all, ?metric=goalsCompleted|contribution|consistency|streak. */
export default async function LeaderboardsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const query = await searchParams;
  const t = tenant.branding.terminology;
  const header = <PageHeader title="Leaderboards" description={`Who moved ${term(t, 'goals')} and kept ${term(t, 'habits')} going. Weeks and months follow ${tenant.name}’s time zone (${tenant.timeZone}).`} />;

  if (!(await leaderboardsEnabled(tenant.id))) {
    return (
      <section className="page flex flex-col gap-6">
        {header}
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700" data-testid="leaderboards-off">
          Leaderboards are turned off in this workspace.
          {can(member.role, 'settings.manage') ? (
            <>
              {' '}
              <Link href="/settings" className="font-medium text-brand-text underline">
                Turn them on in Settings
              </Link>
              .
            </>
          ) : null}
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
  const choices: BoardChoice[] = [{ teamId: null, label: `Whole workspace` }, ...teams.map((team) => ({ teamId: team.id, label: `${term(t, 'team', true)}: ${team.name}` }))];
  return (
    <section className="page flex flex-col gap-6">
      {header}
      <LeaderboardView key={`${teamParam ?? ''}-${period}-${metric}`} initial={initial} choices={choices} terminology={t} initialMetric={metric} />
    </section>
  );
}
