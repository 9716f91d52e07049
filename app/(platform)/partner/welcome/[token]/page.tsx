import type { Metadata } from 'next';
import Link from 'next/link';
import { AcceptInvitationForm } from '@/components/auth/accept-invitation-form';
import { PARTNER_ROLE_LABELS } from '@/lib/partners/partner-schema';
import { lookupPartnerInvitation } from '@/lib/partners/partner-users';

// The URL carries the token: keep it out of other sites' logs and search engines.
export const metadata: Metadata = { title: 'Partner account', robots: { index: false }, referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

export default async function PartnerWelcomePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await lookupPartnerInvitation(token);
  if (!invitation) {
    return (
      <section className="mx-auto max-w-md px-6 py-16">
        <h1 className="text-2xl font-bold text-slate-900">This link is not valid any more</h1>
        <p className="mt-3 text-slate-600">Links are valid for 7 days and work once. Ask the person who invited you for a new one, or sign in if you already set up your account.</p>
        <Link href="/partner/signin" className="mt-6 inline-block font-semibold text-brand-text underline">
          Partner sign-in
        </Link>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold text-slate-900">Join {invitation.partnerName}</h1>
      <p className="mt-3 text-slate-600">
        You are joining the partner account of {invitation.partnerName} on Waypoint as {invitation.role === 'owner' ? 'an owner' : `a ${PARTNER_ROLE_LABELS[invitation.role].toLowerCase()} contact`}.
        {invitation.existingAccount ? ' Confirm with the password of your Waypoint account.' : ' Set your name and a password to continue.'}
      </p>
      <AcceptInvitationForm
        acceptUrl={`/api/partner/invitations/${encodeURIComponent(token)}/accept`}
        email={invitation.email}
        existingAccount={invitation.existingAccount}
        home="/partner"
        signInPath="/partner/signin"
        label="Set up your partner account"
      />
    </section>
  );
}
