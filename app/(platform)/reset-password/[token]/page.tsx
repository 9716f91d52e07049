import type { Metadata } from 'next';
import { ResetPasswordPage } from '@/components/auth/password-reset-pages';

// The URL carries the reset token: keep it out of other sites' logs and search engines.
export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false }, referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

export default async function PlatformResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  return <ResetPasswordPage tenant={null} token={(await params).token} />;
}
