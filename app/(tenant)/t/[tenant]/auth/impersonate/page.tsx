import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { HandoffSignIn } from '@/components/auth/handoff-sign-in';
import { requireTenant } from '@/lib/tenancy/current-tenant';

// Support's hand-off into a session as a member: the URL carries a one-time token, so it stays
// out of other sites' logs and search engines.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signin.handoff');
  return { title: t('impersonateMetaTitle'), robots: { index: false }, referrer: 'no-referrer' };
}

export default async function ImpersonatePage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<{ token?: string }> }) {
  await requireTenant((await params).tenant);
  const { token } = await searchParams;
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <HandoffSignIn provider="impersonate" token={typeof token === 'string' ? token : ''} />
    </section>
  );
}
