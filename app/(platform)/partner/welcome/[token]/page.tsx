import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AcceptInvitationForm } from '@/components/auth/accept-invitation-form';
import { lookupPartnerInvitation } from '@/lib/partners/partner-users';

// The URL carries the token: keep it out of other sites' logs and search engines.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.welcome'))('metaTitle'), robots: { index: false }, referrer: 'no-referrer' };
}
export const dynamic = 'force-dynamic';

export default async function PartnerWelcomePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await lookupPartnerInvitation(token);
  const t = await getTranslations('partner.welcome');
  if (!invitation) {
    return (
      <section className="mx-auto max-w-md px-6 py-16">
        <h1 className="text-2xl font-bold text-slate-900">{t('invalidTitle')}</h1>
        <p className="mt-3 text-slate-600">{t('invalidBody')}</p>
        <Link href="/partner/signin" className="mt-6 inline-block font-semibold text-brand-text underline">
          {t('signIn')}
        </Link>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold text-slate-900">{t('title', { name: invitation.partnerName })}</h1>
      <p className="mt-3 text-slate-600">{t('intro', { name: invitation.partnerName, role: invitation.role, existing: invitation.existingAccount ? 'yes' : 'no' })}</p>
      <AcceptInvitationForm
        acceptUrl={`/api/partner/invitations/${encodeURIComponent(token)}/accept`}
        email={invitation.email}
        existingAccount={invitation.existingAccount}
        home="/partner"
        signInPath="/partner/signin"
        label={t('setUp')}
      />
    </section>
  );
}
