import type { Metadata } from 'next';
import { InvitePartnerUserForm, PartnerUserActions, RevokeInvitationButton } from '@/components/partners/partner-forms';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { FormattedDate } from '@/components/ui/formatted';
import { PARTNER_ROLE_LABELS } from '@/lib/partners/partner-schema';
import { requirePartner } from '@/lib/partners/partner-session';
import { listPartnerUsers } from '@/lib/partners/partner-users';

export const metadata: Metadata = { title: 'Team · Partner portal' };
export const dynamic = 'force-dynamic';

export default async function PartnerTeamPage() {
  const actor = await requirePartner();
  const people = await listPartnerUsers(actor);
  const owner = actor.role === 'owner';
  const canInvite = owner && (actor.partner.status === 'active' || actor.partner.status === 'applied');
  return (
    <div className="flex flex-col gap-6">
      <Card title="People" description="Owners manage the profile, people and agreement; developers build apps; billing contacts get payouts. Owners and developers are members of the sandbox workspace too.">
        <ul className="flex flex-col divide-y divide-slate-100" data-testid="partner-people">
          {people.users.map((user) => (
            <li key={user.userId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium break-all text-slate-900">{user.name ?? user.email}</p>
                <p className="text-sm break-all text-slate-600">
                  {user.email} · <Badge>{PARTNER_ROLE_LABELS[user.role]}</Badge>
                  {user.userId === actor.userId ? ' · you' : ''}
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
                  <Badge tone="info">Invited</Badge> as {PARTNER_ROLE_LABELS[invite.role]}, until <FormattedDate value={invite.expiresAt} />
                </p>
              </div>
              {owner ? <RevokeInvitationButton email={invite.email} /> : null}
            </li>
          ))}
        </ul>
      </Card>
      {canInvite ? (
        <Card title="Invite someone" description="Someone with a Waypoint account is added at once; anyone else gets a link to set up theirs (valid 7 days).">
          <InvitePartnerUserForm />
        </Card>
      ) : null}
    </div>
  );
}
