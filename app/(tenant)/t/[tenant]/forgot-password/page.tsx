import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordPage } from '@/components/auth/password-reset-pages';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Forgot password' };

export default async function TenantForgotPasswordPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<{ email?: string | string[] }> }) {
  const tenant = await requireTenant((await params).tenant);
  const { email } = await searchParams;
  return (
    <ForgotPasswordPage
      where={tenant.name}
      initialEmail={typeof email === 'string' ? email.slice(0, 254) : ''}
      back={
        <Link href="/signin" className="font-semibold text-brand-text underline">
          Back to sign-in
        </Link>
      }
    />
  );
}
