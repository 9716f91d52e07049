import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActivityFeed } from '@/components/activity/activity-feed';
import { PageHeader } from '@/components/ui/page-header';
import { activityFeed } from '@/lib/activity/feed';
import { tenantDb } from '@/lib/db/tenant-db';
import { ROLE_LABELS } from '@/lib/members/role-labels';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string; userId: string }>;

export const metadata: Metadata = { title: 'Member' };

/** A member of the workspace and what they did that the viewer may see; /members/me is one's own. */
export default async function MemberPage({ params }: { params: Params }) {
  const { tenant: slug, userId: raw } = await params;
  const tenant = await requireTenant(slug);
  const member = await requireMember(tenant);
  const userId = raw === 'me' ? member.userId : raw;
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(userId)) notFound();
  const membership = await tenantDb(tenant.id).membership.findFirst({ where: { userId }, select: { role: true, user: { select: { name: true, email: true } } } });
  if (!membership) notFound();
  const name = membership.user.name ?? membership.user.email;
  const initial = await activityFeed(tenant, member, { kind: 'member', userId });
  const own = userId === member.userId;
  return (
    <section className="page flex flex-col gap-6">
      <PageHeader title={own ? `${name} (you)` : name} description={ROLE_LABELS[membership.role]} />
      <ActivityFeed
        scope={{ kind: 'member', userId }}
        terminology={tenant.branding.terminology}
        initial={initial}
        title={own ? 'Your activity' : `${name}’s activity`}
        emptyText={own ? 'Nothing yet: what you do shows up here.' : 'Nothing you can see yet.'}
      />
    </section>
  );
}
