import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentReseller } from '@/lib/resellers/reseller-session';

export const metadata: Metadata = { title: 'Reseller sign-in' };
export const dynamic = 'force-dynamic';

export default async function ResellerSignInPage() {
  if (await getCurrentReseller()) redirect('/reseller');
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="mb-6 text-2xl font-bold text-slate-900">Reseller sign-in</h1>
      <SignInForm redirectTo="/reseller" wrongCredentialsMessage="Wrong email or password, or this account does not work for a reseller." />
    </section>
  );
}
