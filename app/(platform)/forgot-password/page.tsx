import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordPage } from '@/components/auth/password-reset-pages';

export const metadata: Metadata = { title: 'Forgot password' };
export const dynamic = 'force-dynamic';

/** For the people who sign in on the root domain: platform operators and reseller users. */
export default async function PlatformForgotPasswordPage({ searchParams }: { searchParams: Promise<{ email?: string | string[] }> }) {
  const { email } = await searchParams;
  return (
    <ForgotPasswordPage
      where="Waypoint operator or reseller"
      initialEmail={typeof email === 'string' ? email.slice(0, 254) : ''}
      back={
        <>
          Back to the{' '}
          <Link href="/operator/signin" className="font-semibold text-brand-text underline">
            operator sign-in
          </Link>{' '}
          or the{' '}
          <Link href="/reseller/signin" className="font-semibold text-brand-text underline">
            reseller sign-in
          </Link>
          . Workspace members reset their password on their workspace’s sign-in page.
        </>
      }
    />
  );
}
