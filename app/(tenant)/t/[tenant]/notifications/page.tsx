import type { Metadata } from 'next';
import { NotificationCenter } from '@/components/notifications/notification-center';
import { requireMember } from '@/lib/members/require-member';
import { listNotifications } from '@/lib/notifications/notifications';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const initial = await listNotifications(tenant, member);
  return (
    <section className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <header>
        <h1 className="text-3xl font-bold text-slate-900">Notifications</h1>
        <p className="mt-2 text-slate-600">What happened around you in {tenant.name}.</p>
      </header>
      <NotificationCenter initial={initial} />
    </section>
  );
}
