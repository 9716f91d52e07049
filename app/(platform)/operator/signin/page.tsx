import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentOperator } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Operator sign-in' };
export const dynamic = 'force-dynamic';

export default async function OperatorSignInPage() {
  if (await getCurrentOperator()) redirect('/operator');
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="mb-6 text-2xl font-bold text-slate-900">Platform operator sign-in</h1>
      <SignInForm redirectTo="/operator" wrongCredentialsMessage="Wrong email or password, or this account is not a platform operator." />
    </section>
  );
}
