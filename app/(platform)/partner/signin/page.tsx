import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentPartner } from '@/lib/partners/partner-session';

export const metadata: Metadata = { title: 'Partner sign-in' };
export const dynamic = 'force-dynamic';

export default async function PartnerSignInPage() {
  if (await getCurrentPartner()) redirect('/partner');
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="mb-6 text-2xl font-bold text-slate-900">Partner sign-in</h1>
      <SignInForm redirectTo="/partner" wrongCredentialsMessage="Wrong email or password, or this account does not work for a partner." />
      <p className="mt-6 text-sm text-slate-600">
        Building on Waypoint?{' '}
        <Link href="/partners/apply" className="font-semibold text-brand-text underline">
          Become a partner
        </Link>
      </p>
    </section>
  );
}
