import type { Metadata } from 'next';
import { GoalsBoard } from '@/components/goals/goals-board';
import type { StatusFilter } from '@/components/goals/goal-requests';
import { term } from '@/lib/branding/terminology';
import { goalStatusSchema } from '@/lib/goals/goal-schema';
import { listGoals } from '@/lib/goals/goals';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { listTeams } from '@/lib/teams/teams';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const tenant = await requireTenant((await params).tenant);
  return { title: term(tenant.branding.terminology, 'goals', true) };
}

/** ?status=active (default) | completed | archived | all; ?team=<id> preselects the team of a new goal. */
function statusFilter(value: string | string[] | undefined): StatusFilter {
  if (value === 'all') return 'all';
  const parsed = goalStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : 'active';
}

export default async function GoalsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const query = await searchParams;
  const status = statusFilter(query.status);
  const canWrite = can(member.role, 'goals.write');
  const [goals, teams] = await Promise.all([
    listGoals(tenant, member, status === 'all' ? {} : { status }),
    canWrite ? listTeams(tenant, member) : Promise.resolve([]),
  ]);
  // Team goals can be added to teams whose goals one can see: one's own teams (admins: any).
  const goalTeams = teams.filter((t) => t.access.canSeeGoals).map((t) => ({ id: t.id, name: t.name }));
  const requestedTeam = typeof query.team === 'string' && goalTeams.some((t) => t.id === query.team) ? query.team : undefined;
  const terminology = tenant.branding.terminology;

  return (
    <section className="mx-auto flex max-w-5xl flex-col gap-8 px-6 py-10">
      <header>
        <h1 className="text-3xl font-bold text-slate-900">{term(terminology, 'goals', true)}</h1>
        <p className="mt-2 text-slate-600">
          Your own {term(terminology, 'goals')} and those of your {term(terminology, 'teams')}.
        </p>
      </header>
      <GoalsBoard
        terminology={terminology}
        status={status}
        initial={goals}
        teams={goalTeams}
        viewer={{ userId: member.userId, name: member.name ?? member.email }}
        canWrite={canWrite}
        defaultTeamId={requestedTeam}
      />
    </section>
  );
}
