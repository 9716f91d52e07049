import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActivityFeed } from '@/components/activity/activity-feed';
import { PageHeader } from '@/components/ui/page-header';
import { activityFeed } from '@/lib/activity/feed';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('activity');
  return { title: t('title') };
}

/** The workspace's activity feed: what the member may see, newest first, live. */
export default async function ActivityPage({ params }: { params: Params }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const t = await getTranslations('activity');
  const initial = await activityFeed(tenant, member, { kind: 'workspace' });
  return (
    <section className="page flex flex-col gap-6">
      <PageHeader title={t('title')} description={t('description')} />
      <ActivityFeed scope={{ kind: 'workspace' }} initial={initial} title={t('latest')} emptyText={t('workspaceEmpty')} />
    </section>
  );
}
