import type { Metadata } from 'next';
import { ActivityFeed } from '@/components/activity/activity-feed';
import { PageHeader } from '@/components/ui/page-header';
import { activityFeed } from '@/lib/activity/feed';
import { term } from '@/lib/branding/terminology';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string }>;

export const metadata: Metadata = { title: 'Activity' };

/** The workspace's activity feed: what the member may see, newest first, live. */
export default async function ActivityPage({ params }: { params: Params }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const t = tenant.branding.terminology;
  const initial = await activityFeed(tenant, member, { kind: 'workspace' });
  return (
    <section className="page flex flex-col gap-6">
      <PageHeader title="Activity" description={`What's happening across your ${term(t, 'teams')}: ${term(t, 'goals')} completed, ${term(t, 'habits')} logged, streaks reached.`} />
      <ActivityFeed scope={{ kind: 'workspace' }} terminology={t} initial={initial} title="Latest activity" emptyText="No activity yet. It shows up here as people work on their goals and habits." />
    </section>
  );
}
