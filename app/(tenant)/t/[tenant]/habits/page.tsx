import type { Metadata } from 'next';
import { HabitsBoard } from '@/components/habits/habits-board';
import { term } from '@/lib/branding/terminology';
import { listHabits } from '@/lib/habits/habits';
import { MAX_LOG_AGE_DAYS } from '@/lib/habits/habit-schema';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const tenant = await requireTenant((await params).tenant);
  return { title: term(tenant.branding.terminology, 'habits', true) };
}

export default async function HabitsPage({ params }: { params: Params }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const terminology = tenant.branding.terminology;
  return (
    <section className="mx-auto flex max-w-4xl flex-col gap-8 px-6 py-10">
      <header>
        <h1 className="text-3xl font-bold text-slate-900">Your {term(terminology, 'habits')}</h1>
        <p className="mt-2 text-slate-600">
          Days follow {tenant.name}&rsquo;s time zone ({tenant.timeZone}). Forgot a day? Open a {term(terminology, 'habit')} to log up to {MAX_LOG_AGE_DAYS} days
          back.
        </p>
      </header>
      <HabitsBoard initial={await listHabits(tenant, member)} terminology={terminology} canWrite={can(member.role, 'habits.write')} />
    </section>
  );
}
