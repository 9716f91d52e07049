import type { Metadata } from 'next';
import { NotificationPreferencesForm } from '@/components/account/notification-preferences-form';
import { NotificationSettingsForm } from '@/components/notifications/notification-settings-form';
import { Card } from '@/components/ui/card';
import { getPreferences } from '@/lib/account/notification-preferences';
import { ALWAYS_SENT } from '@/lib/account/notification-topics';
import { requireMember } from '@/lib/members/require-member';
import { getNotificationSettings } from '@/lib/notifications/preferences';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const [preferences, settings] = await Promise.all([getPreferences(tenant, member), getNotificationSettings(tenant, member)]);
  return (
    <>
      <Card title="Activity notifications" description="What reaches you under the bell, and what by email too.">
        <NotificationSettingsForm initial={settings} terminology={tenant.branding.terminology} />
      </Card>
      <Card title="Email notifications" description={`Emails from ${tenant.name} to ${member.email}.`}>
        <NotificationPreferencesForm initial={preferences} />
      </Card>
      <Card title="Always sent">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          {ALWAYS_SENT.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </Card>
    </>
  );
}
