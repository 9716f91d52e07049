import type { Metadata } from 'next';
import Link from 'next/link';
import { AcceptInvitationForm } from '@/components/auth/accept-invitation-form';
import { lookupResellerInvitation } from '@/lib/resellers/reseller-users';

// The URL carries the invitation token: keep it out of other sites' logs and search engines.
export const metadata: Metadata = { title: 'Reseller invitation', robots: { index: false }, referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

export default async function ResellerWelcomePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await lookupResellerInvitation(token);
  if (!invitation) {
    return (
      <section className="mx-auto max-w-md px-6 py-16">
        <h1 className="text-2xl font-bold text-slate-900">This invitation is not valid any more</h1>
        <p className="mt-3 text-slate-600">Invitations are valid for 7 days and work once. Ask the person who invited you for a new one, or sign in if you already set up your account.</p>
        <Link href="/reseller/signin" className="mt-6 inline-block font-semibold text-brand-text underline">
          Reseller sign-in
        </Link>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold text-slate-900">Join {invitation.resellerName}</h1>
      <p className="mt-3 text-slate-600">
        You were invited as {invitation.role === 'owner' ? 'an owner' : 'a member'} of the reseller account of {invitation.resellerName} on Waypoint.
        {invitation.existingAccount ? ' Confirm with the password of your Waypoint account.' : ' Set your name and a password to continue.'}
      </p>
      <AcceptInvitationForm
        acceptUrl={`/api/reseller/invitations/${encodeURIComponent(token)}/accept`}
        email={invitation.email}
        existingAccount={invitation.existingAccount}
        home="/reseller"
        signInPath="/reseller/signin"
        label="Set up your reseller account"
      />
    </section>
  );
}
