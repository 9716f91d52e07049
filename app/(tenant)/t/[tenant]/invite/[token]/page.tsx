import type { Metadata } from 'next';
import Link from 'next/link';
import { AcceptInvitationForm, type AcceptMode } from '@/components/members/accept-invitation-form';
import { getCurrentMember } from '@/lib/auth/session';
import { getSessionUserId } from '@/lib/auth/session-user';
import { roleWithArticle } from '@/lib/members/invitation-schema';
import { lookupInvitation, type InvitationLookup } from '@/lib/members/invitations';
import { requireTenant } from '@/lib/tenancy/current-tenant';
import type { TenantContext } from '@/lib/tenancy/tenant-context';

// The URL carries the invitation token: keep it out of other sites' logs and search engines.
export const metadata: Metadata = { title: 'Invitation', robots: { index: false }, referrer: 'no-referrer' };

type Problem = Exclude<InvitationLookup['status'], 'valid'>;

function problemText(status: Problem, tenant: TenantContext): { title: string; body: string } {
  switch (status) {
    case 'expired':
      return { title: 'This invitation has expired', body: `Invitations are valid for 7 days. Ask an admin of ${tenant.name} to send you a new one.` };
    case 'revoked':
      return { title: 'This invitation was withdrawn', body: `Ask an admin of ${tenant.name} if you think this is a mistake.` };
    case 'accepted':
      return { title: 'This invitation was already used', body: 'Sign in with the account that accepted it.' };
    case 'not_found':
      return { title: 'Invitation not found', body: 'This link is not valid here. Check that you copied the whole link from the email, or ask for a new invitation.' };
  }
}

export default async function InvitationPage({ params }: { params: Promise<{ tenant: string; token: string }> }) {
  const { tenant: slug, token } = await params;
  const tenant = await requireTenant(slug);
  const lookup = await lookupInvitation(tenant, token);

  if (lookup.status !== 'valid') {
    const { title, body } = problemText(lookup.status, tenant);
    return (
      <section className="mx-auto max-w-md px-6 py-16">
        <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
        <p className="mt-3 text-slate-600">{body}</p>
        <Link href="/signin" className="mt-6 inline-block font-semibold text-brand-text underline">
          Go to the sign-in page
        </Link>
      </section>
    );
  }

  const { invitation } = lookup;
  const [sessionUserId, current] = await Promise.all([getSessionUserId(tenant), getCurrentMember(tenant)]);
  const mode: AcceptMode = !invitation.existingUserId ? 'new' : invitation.existingUserId === sessionUserId ? 'signed-in' : 'existing';
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold text-slate-900">Join {tenant.name}</h1>
      <p className="mt-3 text-slate-700" data-testid="invitation-summary">
        {invitation.inviterName ?? 'An administrator'} invited <strong>{invitation.email}</strong> to join {tenant.name} as {roleWithArticle(invitation.role)}.
      </p>
      <p className="mt-2 mb-6 text-sm text-slate-600">
        {mode === 'new'
          ? 'Choose your name and a password to create your account.'
          : mode === 'existing'
            ? `You already have an account with this email. Enter its password to join ${tenant.name}.`
            : `You are signed in as ${invitation.email}.`}
      </p>
      {current && current.userId !== invitation.existingUserId ? (
        <p className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          You are signed in as {current.email}. Accepting signs you in as {invitation.email} instead.
        </p>
      ) : null}
      <AcceptInvitationForm token={token} mode={mode} email={invitation.email} />
    </section>
  );
}
