import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ActivityFeed } from '@/components/activity/activity-feed';
import { PageHeader } from '@/components/ui/page-header';
import { activityFeed } from '@/lib/activity/feed';
import { tenantDb } from '@/lib/db/tenant-db';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string; userId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('memberProfile');
  return { title: t('metaTitle') };
}

/** A member of the workspace and what they did that the viewer may see; /members/me is one's own. */
export default async function MemberPage({ params }: { params: Params }) {
  const { tenant: slug, userId: raw } = await params;
  const tenant = await requireTenant(slug);
  const member = await requireMember(tenant);
  const userId = raw === 'me' ? member.userId : raw;
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(userId)) notFound();
  const membership = await tenantDb(tenant.id).membership.findFirst({ where: { userId }, select: { role: true, user: { select: { name: true, email: true } } } });
  if (!membership) notFound();
  const t = await getTranslations('memberProfile');
  const name = membership.user.name ?? membership.user.email;
  const initial = await activityFeed(tenant, member, { kind: 'member', userId });
  const own = userId === member.userId;
  return (
    <section className="page flex flex-col gap-6">
      <PageHeader title={own ? t('you', { name }) : name} description={t(`roles.${membership.role}`)} />
      <ActivityFeed
        scope={{ kind: 'member', userId }}
        terminology={tenant.branding.terminology}
        initial={initial}
        title={own ? t('yourActivity') : t('activityOf', { name })}
        emptyText={own ? t('ownEmpty') : t('othersEmpty')}
      />
    </section>
  );
}
