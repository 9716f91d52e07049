import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ResetPasswordPage } from '@/components/auth/password-reset-pages';
import { requireTenant } from '@/lib/tenancy/current-tenant';

// The URL carries the reset token: keep it out of other sites' logs and search engines.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('authPages.reset');
  return { title: t('metaTitle'), robots: { index: false }, referrer: 'no-referrer' };
}

export default async function TenantResetPasswordPage({ params }: { params: Promise<{ tenant: string; token: string }> }) {
  const { tenant: slug, token } = await params;
  return <ResetPasswordPage tenant={await requireTenant(slug)} token={token} />;
}
