import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { GoalsBoard } from '@/components/goals/goals-board';
import { goalSearchParams, parseGoalFilters } from '@/components/goals/goal-requests';
import { searchGoals } from '@/lib/goals/goals';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { listGoalTeams } from '@/lib/teams/teams';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('goals');
  return { title: t('metaTitle') };
}

/**
 * ?q, ?status=active (default) | completed | archived | all, ?team=personal|<id>, ?assignee=me,
 * ?due, ?sort, ?page filter the list; ?new=1 (with ?team=<id>) opens the new-goal dialog.
 */
export default async function GoalsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const query = await searchParams;
  const canWrite = can(member.role, 'goals.write');
  const goalTeams = (await listGoalTeams(tenant, member)).map((t) => ({ ...t, canAdd: canWrite }));
  const filters = parseGoalFilters(query);
  if (filters.team !== '' && filters.team !== 'personal' && !goalTeams.some((t) => t.id === filters.team)) filters.team = '';
  const initial = await searchGoals(tenant, member, goalSearchParams(filters));
  const newForTeam = query.new === '1' ? (filters.team && filters.team !== 'personal' ? filters.team : '') : undefined;

  return (
    <section className="page">
      <GoalsBoard
        // A link to this page with other filters (soft navigation) starts the board afresh.
        key={JSON.stringify(filters)}
        filters={filters}
        initial={initial}
        teams={goalTeams}
        viewer={{ userId: member.userId, name: member.name ?? member.email }}
        canWrite={canWrite}
        newForTeam={newForTeam}
      />
    </section>
  );
}
