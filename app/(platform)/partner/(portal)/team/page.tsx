import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { InvitePartnerUserForm, PartnerUserActions, RevokeInvitationButton } from '@/components/partners/partner-forms';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { createFormatter } from '@/lib/format/formatter';
import { requirePartner } from '@/lib/partners/partner-session';
import { listPartnerUsers } from '@/lib/partners/partner-users';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.meta'))('team') };
}
export const dynamic = 'force-dynamic';

export default async function PartnerTeamPage() {
  const actor = await requirePartner();
  const people = await listPartnerUsers(actor);
  const [t, roles, locale] = await Promise.all([getTranslations('partner.team'), getTranslations('partner.roles'), getLocale()]);
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const owner = actor.role === 'owner';
  const canInvite = owner && (actor.partner.status === 'active' || actor.partner.status === 'applied');
  return (
    <div className="flex flex-col gap-6">
      <Card title={t('title')} description={t('description')}>
        <ul className="flex flex-col divide-y divide-slate-100" data-testid="partner-people">
          {people.users.map((user) => (
            <li key={user.userId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium break-all text-slate-900">{user.name ?? user.email}</p>
                <p className="text-sm break-all text-slate-600">
                  {t.rich(user.userId === actor.userId ? 'memberYou' : 'member', {
                    email: user.email,
                    role: roles(user.role),
                    badge: (chunks) => <Badge>{chunks}</Badge>,
                  })}
                </p>
              </div>
              {owner && user.userId !== actor.userId ? <PartnerUserActions userId={user.userId} email={user.email} role={user.role} /> : null}
            </li>
          ))}
          {people.pending.map((invite) => (
            <li key={invite.email} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium break-all text-slate-900">{invite.email}</p>
                <p className="text-sm text-slate-600">
                  {t.rich('invited', { role: roles(invite.role), date: fmt.date(invite.expiresAt), badge: (chunks) => <Badge tone="info">{chunks}</Badge> })}
                </p>
              </div>
              {owner ? <RevokeInvitationButton email={invite.email} /> : null}
            </li>
          ))}
        </ul>
      </Card>
      {canInvite ? (
        <Card title={t('inviteTitle')} description={t('inviteDescription')}>
          <InvitePartnerUserForm />
        </Card>
      ) : null}
    </div>
  );
}
