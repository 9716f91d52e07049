import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ActivityFeed } from '@/components/activity/activity-feed';
import { GoalDetailView } from '@/components/goals/goal-detail-view';
import { activityFeed } from '@/lib/activity/feed';
import { getGoal } from '@/lib/goals/goals';
import { AppError } from '@/lib/http/problem';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string; goalId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('goalDetail');
  return { title: t('metaTitle') };
}

export default async function GoalPage({ params }: { params: Params }) {
  const { tenant: slug, goalId } = await params;
  const tenant = await requireTenant(slug);
  const member = await requireMember(tenant);
  // Someone else's personal goal, a hidden team's, or one in another workspace: "not found".
  const goal = await getGoal(tenant, member, goalId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  return (
    <section className="mx-auto max-w-5xl px-6 py-10">
      <GoalDetailView initial={goal} terminology={tenant.branding.terminology} viewerId={member.userId} />
      <div className="mt-10">
        <ActivityFeed scope={{ kind: 'goal', goalId }} terminology={tenant.branding.terminology} initial={await activityFeed(tenant, member, { kind: 'goal', goalId })} />
      </div>
    </section>
  );
}
