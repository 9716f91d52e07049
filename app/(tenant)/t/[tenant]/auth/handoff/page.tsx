import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { HandoffSignIn } from '@/components/auth/handoff-sign-in';
import { localCallbackUrl } from '@/lib/auth/callback-url';
import { requireTenant } from '@/lib/tenancy/current-tenant';

// The URL carries a one-time token: keep it out of logs of other sites and search engines.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signin.handoff');
  return { title: t('metaTitle'), robots: { index: false }, referrer: 'no-referrer' };
}

export default async function HandoffPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<{ token?: string; next?: string }> }) {
  await requireTenant((await params).tenant);
  const { token, next } = await searchParams;
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <HandoffSignIn token={typeof token === 'string' ? token : ''} next={localCallbackUrl(next) ?? '/'} />
    </section>
  );
}
