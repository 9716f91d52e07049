import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { HabitDetailView } from '@/components/habits/habit-detail-view';
import { HabitReminderCard } from '@/components/notifications/habit-reminder-card';
import { getHabit } from '@/lib/habits/habits';
import { AppError } from '@/lib/http/problem';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string; habitId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('habitDetail');
  return { title: t('metaTitle') };
}

export default async function HabitPage({ params }: { params: Params }) {
  const { tenant: slug, habitId } = await params;
  const tenant = await requireTenant(slug);
  const member = await requireMember(tenant);
  // Someone else's habit, or one in another workspace, is "not found" like a missing one.
  const habit = await getHabit(tenant, member, habitId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  return (
    <section className="mx-auto max-w-4xl px-6 py-10">
      <HabitDetailView initial={habit} canWrite={can(member.role, 'habits.write')} />
      {can(member.role, 'habits.write') ? (
        <div className="mt-6">
          <HabitReminderCard habitId={habit.id} disabled={habit.archivedAt !== null} />
        </div>
      ) : null}
    </section>
  );
}
