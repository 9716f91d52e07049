import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { InvitationsPanel } from '@/components/members/invitations-panel';
import { MembersTable } from '@/components/settings/members-table';
import { Card } from '@/components/ui/card';
import { listMembers } from '@/lib/members/members';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('members');
  return { title: t('title') };
}

export default async function MembersSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'members.manage');
  const isOwner = can(member.role, 'owners.manage');
  const t = await getTranslations('members');
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
      <Card title={t('inviteCard')}>
        <InvitationsPanel canGrantOwner={isOwner} defaultRole={tenant.defaultRole === 'owner' ? 'member' : tenant.defaultRole} />
      </Card>
      <Card title={t('peopleCard')}>
        <MembersTable initial={await listMembers(tenant)} currentUserId={member.userId} isOwner={isOwner} />
      </Card>
    </div>
  );
}
