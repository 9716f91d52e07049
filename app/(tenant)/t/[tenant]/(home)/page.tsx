import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MemberDashboard } from '@/components/dashboard/member-dashboard';
import { buttonClass } from '@/components/ui/button';
import { getCurrentMember } from '@/lib/auth/session';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export default async function TenantHome({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await getCurrentMember(tenant);

  if (!member) {
    const t = await getTranslations('dashboard.signedOut');
    return (
      <section className="mx-auto max-w-3xl px-6 py-20 text-center">
        <h1 className="text-4xl font-bold text-slate-900">{tenant.name}</h1>
        <p className="mt-4 text-lg text-slate-600">{t('prompt')}</p>
        <Link href="/signin" className={buttonClass('primary', 'mt-8 px-6 py-3 text-base')}>
          {t('signIn')}
        </Link>
      </section>
    );
  }

  return <MemberDashboard tenant={tenant} member={member} />;
}
