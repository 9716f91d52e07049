import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ForgotPasswordPage } from '@/components/auth/password-reset-pages';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('authPages.forgot');
  return { title: t('metaTitle') };
}

export default async function TenantForgotPasswordPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<{ email?: string | string[] }> }) {
  const tenant = await requireTenant((await params).tenant);
  const { email } = await searchParams;
  const t = await getTranslations('authPages.forgot');
  return (
    <ForgotPasswordPage
      workspace={tenant.name}
      initialEmail={typeof email === 'string' ? email.slice(0, 254) : ''}
      back={
        <Link href="/signin" className="font-semibold text-brand-text underline">
          {t('backToSignIn')}
        </Link>
      }
    />
  );
}
