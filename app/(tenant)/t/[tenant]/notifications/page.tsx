import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotificationCenter } from '@/components/notifications/notification-center';
import { requireMember } from '@/lib/members/require-member';
import { listNotifications } from '@/lib/notifications/notifications';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications');
  return { title: t('title') };
}

export default async function NotificationsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const t = await getTranslations('notifications');
  const initial = await listNotifications(tenant, member);
  return (
    <section className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <header>
        <h1 className="text-3xl font-bold text-slate-900">{t('title')}</h1>
        <p className="mt-2 text-slate-600">{t('description', { workspace: tenant.name })}</p>
      </header>
      <NotificationCenter initial={initial} />
    </section>
  );
}
