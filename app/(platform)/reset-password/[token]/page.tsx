import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ResetPasswordPage } from '@/components/auth/password-reset-pages';

// The URL carries the reset token: keep it out of other sites' logs and search engines.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('authPages.reset');
  return { title: t('metaTitle'), robots: { index: false }, referrer: 'no-referrer' };
}
export const dynamic = 'force-dynamic';

export default async function PlatformResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  return <ResetPasswordPage tenant={null} token={(await params).token} />;
}
