import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AcceptInvitationForm } from '@/components/auth/accept-invitation-form';
import { STAFF_ROLE_KEYS } from '@/components/platform/staff-role-keys';
import { lookupStaffInvitation } from '@/lib/platform/staff-invitations';

// The URL carries the invitation token: keep it out of other sites' logs and search engines.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operatorStaff.join');
  return { title: t('metaTitle'), robots: { index: false }, referrer: 'no-referrer' };
}
export const dynamic = 'force-dynamic';

export default async function StaffJoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, t, roles] = await Promise.all([lookupStaffInvitation(token), getTranslations('operatorStaff.join'), getTranslations('operatorStaff.roles')]);
  if (!invitation) {
    return (
      <section className="mx-auto max-w-md px-6 py-16">
        <h1 className="text-2xl font-bold text-slate-900">{t('invalidTitle')}</h1>
        <p className="mt-3 text-slate-600">{t('invalidText')}</p>
        <Link href="/operator/signin" className="mt-6 inline-block font-semibold text-brand-text underline">
          {t('signIn')}
        </Link>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
      <p className="mt-3 text-slate-600">
        {t('invited', { inviter: invitation.inviter ?? t('someOwner'), role: roles(`${STAFF_ROLE_KEYS[invitation.role]}.label`), existing: invitation.existingAccount ? 'yes' : 'no' })}
      </p>
      <AcceptInvitationForm
        acceptUrl={`/api/operator/invitations/${encodeURIComponent(token)}/accept`}
        email={invitation.email}
        existingAccount={invitation.existingAccount}
        home="/operator"
        signInPath="/operator/signin"
        label={t('submit')}
        submitLabel={t('submit')}
        pendingLabel={t('pending')}
      />
    </section>
  );
}
