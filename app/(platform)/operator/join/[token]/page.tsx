import type { Metadata } from 'next';
import Link from 'next/link';
import { AcceptInvitationForm } from '@/components/auth/accept-invitation-form';
import { lookupStaffInvitation } from '@/lib/platform/staff-invitations';
import { STAFF_ROLE_LABELS } from '@/lib/platform/staff-schema';

// The URL carries the invitation token: keep it out of other sites' logs and search engines.
export const metadata: Metadata = { title: 'Staff invitation', robots: { index: false }, referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

export default async function StaffJoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await lookupStaffInvitation(token);
  if (!invitation) {
    return (
      <section className="mx-auto max-w-md px-6 py-16">
        <h1 className="text-2xl font-bold text-slate-900">This invitation is not valid any more</h1>
        <p className="mt-3 text-slate-600">Invitations to the staff work once and for 7 days. Ask a platform owner for a new one, or sign in if you already joined.</p>
        <Link href="/operator/signin" className="mt-6 inline-block font-semibold text-brand-text underline">
          Operator sign-in
        </Link>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold text-slate-900">Join the Waypoint staff</h1>
      <p className="mt-3 text-slate-600">
        {invitation.inviter ?? 'A platform owner'} invited you to the operator console as {STAFF_ROLE_LABELS[invitation.role]}.
        {invitation.existingAccount ? ' Confirm with the password of your Waypoint account.' : ' Set your name and a password to continue.'} You will then set up two-factor authentication.
      </p>
      <AcceptInvitationForm
        acceptUrl={`/api/operator/invitations/${encodeURIComponent(token)}/accept`}
        email={invitation.email}
        existingAccount={invitation.existingAccount}
        home="/operator"
        signInPath="/operator/signin"
        label="Join the staff"
        submitLabel="Join the staff"
        pendingLabel="Joining…"
      />
    </section>
  );
}
