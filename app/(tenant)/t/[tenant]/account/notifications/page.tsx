import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotificationPreferencesForm } from '@/components/account/notification-preferences-form';
import { NotificationSettingsForm } from '@/components/notifications/notification-settings-form';
import { Card } from '@/components/ui/card';
import { getPreferences } from '@/lib/account/notification-preferences';
import { requireMember } from '@/lib/members/require-member';
import { getNotificationSettings } from '@/lib/notifications/preferences';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account.notifications');
  return { title: t('metaTitle') };
}

export default async function NotificationsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const [preferences, settings] = await Promise.all([getPreferences(tenant, member), getNotificationSettings(tenant, member)]);
  const t = await getTranslations('account.notifications');
  // The emails everyone gets because they are needed to use or secure the account (lib/account/notification-topics.ts).
  const alwaysSent = [t('alwaysSignIn'), t('alwaysInvitations'), t('alwaysSuspension')];
  return (
    <>
      <Card title={t('activityTitle')} description={t('activityDescription')}>
        <NotificationSettingsForm initial={settings} terminology={tenant.branding.terminology} />
      </Card>
      <Card title={t('emailTitle')} description={t('emailDescription', { workspace: tenant.name, email: member.email })}>
        <NotificationPreferencesForm initial={preferences} />
      </Card>
      <Card title={t('alwaysTitle')}>
        <ul className="list-disc space-y-1 ps-5 text-sm text-slate-700">
          {alwaysSent.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </Card>
    </>
  );
}
