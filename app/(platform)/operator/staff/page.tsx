import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { InviteStaffForm, RevokeStaffInvitation, StaffActions, TwoFactorBadge } from '@/components/platform/staff-panel';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { ScrollBox } from '@/components/ui/scroll-box';
import { requireOperator } from '@/lib/auth/require-operator';
import { createFormatter } from '@/lib/format/formatter';
import { platformCan } from '@/lib/platform/platform-roles';
import { listStaff } from '@/lib/platform/staff';
import { listStaffInvitations } from '@/lib/platform/staff-invitations';
import { STAFF_ROLE_DESCRIPTIONS, STAFF_ROLE_LABELS, STAFF_ROLES } from '@/lib/platform/staff-schema';

export const metadata: Metadata = { title: 'Staff' };
export const dynamic = 'force-dynamic';

const format = createFormatter();

export default async function StaffPage() {
  const operator = await requireOperator();
  if (!platformCan(operator.role, 'platform:staff')) forbidden();
  const [staff, invitations] = await Promise.all([listStaff(), listStaffInvitations()]);
  return (
    <div className="page flex flex-col gap-8">
      <PageHeader title="Staff" description="The people who run Waypoint, and what each may do. Everyone signs in with two-factor authentication." />

      <Card title="Invite someone">
        <InviteStaffForm />
      </Card>

      <section aria-labelledby="staff-heading" className="flex flex-col gap-4">
        <h2 id="staff-heading" className="text-lg font-semibold text-slate-900">
          Staff ({format.number(staff.length)})
        </h2>
        <ScrollBox label="Staff" className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Platform staff</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2">Person</th>
                <th scope="col" className="px-4 py-2">Two-factor</th>
                <th scope="col" className="px-4 py-2">Last sign-in</th>
                <th scope="col" className="px-4 py-2">Role</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((member) => (
                <tr key={member.userId} className="border-t border-slate-100" data-testid={`staff-row-${member.email}`}>
                  <td className="px-4 py-2">
                    <span className="font-medium text-slate-900">{member.name ?? member.email}</span>
                    {member.name ? <span className="block text-slate-600">{member.email}</span> : null}
                    {member.userId === operator.userId ? <span className="block text-xs text-slate-600">You</span> : null}
                  </td>
                  <td className="px-4 py-2">
                    <TwoFactorBadge on={member.twoFactor} />
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap">{member.lastSignInAt ? format.dateTime(member.lastSignInAt) : <span className="text-slate-600">Never</span>}</td>
                  <td className="px-4 py-2">
                    <StaffActions member={member} self={member.userId === operator.userId} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </section>

      <section aria-labelledby="invitations-heading" className="flex flex-col gap-4">
        <h2 id="invitations-heading" className="text-lg font-semibold text-slate-900">
          Pending invitations
        </h2>
        {invitations.length ? (
          <ul className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm" data-testid={`staff-invitation-${invitation.email}`}>
                <span>
                  <span className="font-medium text-slate-900">{invitation.email}</span> as {STAFF_ROLE_LABELS[invitation.role]}
                  <span className="block text-slate-600">
                    {invitation.expired ? 'Expired' : `Expires ${format.dateTime(invitation.expiresAt)}`}
                    {invitation.invitedBy ? ` · invited by ${invitation.invitedBy}` : ''}
                  </span>
                </span>
                <RevokeStaffInvitation invitation={invitation} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">None.</p>
        )}
      </section>

      <Card title="Roles">
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-[10rem_1fr]">
          {STAFF_ROLES.map((role) => (
            <div key={role} className="contents">
              <dt className="font-medium text-slate-900">{STAFF_ROLE_LABELS[role]}</dt>
              <dd className="text-slate-700">{STAFF_ROLE_DESCRIPTIONS[role]}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
