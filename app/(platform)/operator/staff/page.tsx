import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { InviteStaffForm, RevokeStaffInvitation, StaffActions, TwoFactorBadge } from '@/components/platform/staff-panel';
import { STAFF_ROLE_KEYS } from '@/components/platform/staff-role-keys';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { ScrollBox } from '@/components/ui/scroll-box';
import { requireOperator } from '@/lib/auth/require-operator';
import { getPlatformFormatter } from '@/lib/platform/platform-format';
import { platformCan } from '@/lib/platform/platform-roles';
import { listStaff } from '@/lib/platform/staff';
import { listStaffInvitations } from '@/lib/platform/staff-invitations';
import { STAFF_ROLES } from '@/lib/platform/staff-schema';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operatorStaff');
  return { title: t('metaTitle') };
}
export const dynamic = 'force-dynamic';

export default async function StaffPage() {
  const operator = await requireOperator();
  if (!platformCan(operator.role, 'platform:staff')) forbidden();
  const [staff, invitations, t, format] = await Promise.all([listStaff(), listStaffInvitations(), getTranslations('operatorStaff'), getPlatformFormatter()]);
  const roleLabel = (role: keyof typeof STAFF_ROLE_KEYS) => t(`roles.${STAFF_ROLE_KEYS[role]}.label`);
  return (
    <div className="page flex flex-col gap-8">
      <PageHeader title={t('title')} description={t('description')} />

      <Card title={t('invite.heading')}>
        <InviteStaffForm />
      </Card>

      <section aria-labelledby="staff-heading" className="flex flex-col gap-4">
        <h2 id="staff-heading" className="text-lg font-semibold text-slate-900">
          {t('list.heading', { count: format.number(staff.length) })}
        </h2>
        <ScrollBox label={t('list.label')} className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full border-collapse text-start text-sm">
            <caption className="sr-only">{t('list.caption')}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2">
                  {t('list.person')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('list.twoFactor')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('list.lastSignIn')}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t('list.role')}
                </th>
              </tr>
            </thead>
            <tbody>
              {staff.map((member) => (
                <tr key={member.userId} className="border-t border-slate-100" data-testid={`staff-row-${member.email}`}>
                  <td className="px-4 py-2">
                    <span className="font-medium text-slate-900">{member.name ?? member.email}</span>
                    {member.name ? <span className="block text-slate-600">{member.email}</span> : null}
                    {member.userId === operator.userId ? <span className="block text-xs text-slate-600">{t('list.you')}</span> : null}
                  </td>
                  <td className="px-4 py-2">
                    <TwoFactorBadge on={member.twoFactor} />
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap">{member.lastSignInAt ? format.dateTime(member.lastSignInAt) : <span className="text-slate-600">{t('list.never')}</span>}</td>
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
          {t('invitations.heading')}
        </h2>
        {invitations.length ? (
          <ul className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm" data-testid={`staff-invitation-${invitation.email}`}>
                <span>
                  {t.rich('invitations.asRole', { email: invitation.email, role: roleLabel(invitation.role), b: (chunks) => <span className="font-medium text-slate-900">{chunks}</span> })}
                  <span className="block text-slate-600">
                    {t('invitations.status', {
                      expired: invitation.expired ? 'yes' : 'no',
                      date: format.dateTime(invitation.expiresAt),
                      hasInviter: invitation.invitedBy ? 'yes' : 'no',
                      inviter: invitation.invitedBy ?? '',
                    })}
                  </span>
                </span>
                <RevokeStaffInvitation invitation={invitation} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t('invitations.empty')}</p>
        )}
      </section>

      <Card title={t('rolesHeading')}>
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-[10rem_1fr]">
          {STAFF_ROLES.map((role) => (
            <div key={role} className="contents">
              <dt className="font-medium text-slate-900">{roleLabel(role)}</dt>
              <dd className="text-slate-700">{t(`roles.${STAFF_ROLE_KEYS[role]}.description`)}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
