import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentMember } from '@/lib/auth/session';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Sign in' };

export default async function TenantSignInPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  if (await getCurrentMember(tenant)) redirect('/');
  return (
    <section className="mx-auto max-w-md px-6 py-16">
      <h1 className="mb-2 text-2xl font-bold text-slate-900">Sign in to {tenant.name}</h1>
      <p className="mb-6 text-sm text-slate-600">Use the email and password of your {tenant.name} account.</p>
      <SignInForm wrongCredentialsMessage={`Wrong email or password, or this account is not a member of ${tenant.name}.`} />
    </section>
  );
}
