import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { InviteResellerUserForm, WhiteLabelForm } from '@/components/resellers/reseller-forms';
import { getWhiteLabelSettings } from '@/lib/resellers/resellers';
import { listResellerUsers } from '@/lib/resellers/reseller-users';
import { requireReseller } from '@/lib/resellers/reseller-session';
import { FormattedDate } from '@/components/ui/formatted';
import { roleLabel } from '@/lib/members/role-labels';

export const metadata: Metadata = { title: 'Reseller settings' };
export const dynamic = 'force-dynamic';

export default async function ResellerSettingsPage() {
  const actor = await requireReseller();
  const [whiteLabel, people] = await Promise.all([getWhiteLabelSettings(actor), listResellerUsers(actor)]);
  const owner = actor.role === 'owner' && actor.reseller.status === 'approved';
  return (
    <div className="flex flex-col gap-6">
      <Card
        title="White label"
        description="Shown on your clients' workspaces whose plan includes white label (Enterprise): “Provided by …” with your logo instead of “Powered by Waypoint”."
      >
        {owner ? (
          <WhiteLabelForm initial={whiteLabel} />
        ) : (
          <p className="text-sm text-slate-600">
            {whiteLabel.name || actor.reseller.name}
            {whiteLabel.websiteUrl ? ` · ${whiteLabel.websiteUrl}` : ''}
          </p>
        )}
      </Card>
      <Card title="People" description="Who works in this reseller account. Everyone signs in at /reseller/signin.">
        <ul className="flex flex-col gap-1 text-sm">
          {people.users.map((user) => (
            <li key={user.userId}>
              {user.name ?? user.email} <span className="text-slate-500">({user.email}, {roleLabel(user.role)})</span>
            </li>
          ))}
          {people.pending.map((invite) => (
            <li key={invite.email} className="text-slate-600">
              {invite.email} <span className="text-slate-500">(invited as {roleLabel(invite.role)}, until <FormattedDate value={invite.expiresAt} />)</span>
            </li>
          ))}
        </ul>
        {owner ? (
          <div className="mt-6">
            <InviteResellerUserForm />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
