import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { HabitsBoard } from '@/components/habits/habits-board';
import { habitSearchParams, parseHabitFilters } from '@/components/habits/habit-requests';
import { MAX_LOG_AGE_DAYS } from '@/lib/habits/habit-schema';
import { searchHabits } from '@/lib/habits/habits';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('habits');
  return { title: t('metaTitle') };
}

/** ?q, ?status=active|archived|all, ?today=due|done, ?sort=created|name|streak, ?page filter the list; ?new=1 opens the new-habit sheet. */
export default async function HabitsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const t = await getTranslations('habits');
  const query = await searchParams;
  const filters = parseHabitFilters(query);
  return (
    <section className="page">
      <HabitsBoard
        // A link to this page with other filters (soft navigation) starts the board afresh.
        key={JSON.stringify(filters)}
        initial={await searchHabits(tenant, member, habitSearchParams(filters))}
        filters={filters}
        canWrite={can(member.role, 'habits.write')}
        openNew={query.new === '1'}
        description={t('description', { workspace: tenant.name, zone: tenant.timeZone, days: MAX_LOG_AGE_DAYS })}
      />
    </section>
  );
}
