import type { Metadata } from 'next';
import { HabitsBoard } from '@/components/habits/habits-board';
import { habitSearchParams, parseHabitFilters } from '@/components/habits/habit-requests';
import { term } from '@/lib/branding/terminology';
import { MAX_LOG_AGE_DAYS } from '@/lib/habits/habit-schema';
import { searchHabits } from '@/lib/habits/habits';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const tenant = await requireTenant((await params).tenant);
  return { title: term(tenant.branding.terminology, 'habits', true) };
}

/** ?q, ?status=active|archived|all, ?today=due|done, ?sort=created|name|streak, ?page filter the list; ?new=1 opens the new-habit sheet. */
export default async function HabitsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const terminology = tenant.branding.terminology;
  const query = await searchParams;
  const filters = parseHabitFilters(query);
  return (
    <section className="page">
      <HabitsBoard
        // A link to this page with other filters (soft navigation) starts the board afresh.
        key={JSON.stringify(filters)}
        initial={await searchHabits(tenant, member, habitSearchParams(filters))}
        filters={filters}
        terminology={terminology}
        canWrite={can(member.role, 'habits.write')}
        openNew={query.new === '1'}
        description={`Days follow ${tenant.name}’s time zone (${tenant.timeZone}). Forgot a day? Open a ${term(terminology, 'habit')} to log up to ${MAX_LOG_AGE_DAYS} days back.`}
      />
    </section>
  );
}
