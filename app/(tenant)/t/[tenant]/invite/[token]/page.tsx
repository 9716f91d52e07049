import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AcceptInvitationForm, type AcceptMode } from '@/components/members/accept-invitation-form';
import { getCurrentMember } from '@/lib/auth/session';
import { getSessionUserId } from '@/lib/auth/session-user';
import { lookupInvitation, type InvitationLookup } from '@/lib/members/invitations';
import { requireTenant } from '@/lib/tenancy/current-tenant';

// The URL carries the invitation token: keep it out of other sites' logs and search engines.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('authPages.invite');
  return { title: t('metaTitle'), robots: { index: false }, referrer: 'no-referrer' };
}

type Problem = Exclude<InvitationLookup['status'], 'valid'>;

const PROBLEM_KEYS = {
  expired: ['expiredTitle', 'expiredBody'],
  revoked: ['revokedTitle', 'revokedBody'],
  accepted: ['acceptedTitle', 'acceptedBody'],
  not_found: ['notFoundTitle', 'notFoundBody'],
} as const satisfies Record<Problem, readonly [string, string]>;

export default async function InvitationPage({ params }: { params: Promise<{ tenant: string; token: string }> }) {
  const { tenant: slug, token } = await params;
  const tenant = await requireTenant(slug);
  const lookup = await lookupInvitation(tenant, token);
  const t = await getTranslations('authPages.invite');
  const workspace = tenant.name;

  if (lookup.status !== 'valid') {
    const [title, body] = PROBLEM_KEYS[lookup.status];
    return (
      <section className="mx-auto max-w-md px-6 py-16">
        <h1 className="text-2xl font-bold text-slate-900">{t(title)}</h1>
        <p className="mt-3 text-slate-600">{t(body, { workspace })}</p>
        <Link href="/signin" className="mt-6 inline-block font-semibold text-brand-text underline">
          {t('goToSignIn')}
        </Link>
      </section>
    );
  }

  const { invitation } = lookup;
  const [sessionUserId, current] = await Promise.all([getSessionUserId(tenant), getCurrentMember(tenant)]);
  const mode: AcceptMode = !invitation.existingUserId ? 'new' : invitation.existingUserId === sessionUserId ? 'signed-in' : 'existing';
  const summary = { email: invitation.email, workspace, role: invitation.role, strong: (chunks: ReactNode) => <strong>{chunks}</strong> };
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold text-slate-900">{t('heading', { workspace })}</h1>
      <p className="mt-3 text-slate-700" data-testid="invitation-summary">
        {invitation.inviterName ? t.rich('summary', { ...summary, inviter: invitation.inviterName }) : t.rich('summaryNoInviter', summary)}
      </p>
      <p className="mt-2 mb-6 text-sm text-slate-600">
        {mode === 'new' ? t('newAccount') : mode === 'existing' ? t('existingAccount', { workspace }) : t('signedInAs', { email: invitation.email })}
      </p>
      {current && current.userId !== invitation.existingUserId ? (
        <p className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('otherAccount', { current: current.email, email: invitation.email })}</p>
      ) : null}
      <AcceptInvitationForm token={token} mode={mode} email={invitation.email} />
    </section>
  );
}
