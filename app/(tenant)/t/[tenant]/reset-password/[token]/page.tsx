import type { Metadata } from 'next';
import { ResetPasswordPage } from '@/components/auth/password-reset-pages';
import { requireTenant } from '@/lib/tenancy/current-tenant';

// The URL carries the reset token: keep it out of other sites' logs and search engines.
export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false }, referrer: 'no-referrer' };

export default async function TenantResetPasswordPage({ params }: { params: Promise<{ tenant: string; token: string }> }) {
  const { tenant: slug, token } = await params;
  return <ResetPasswordPage tenant={await requireTenant(slug)} token={token} />;
}
