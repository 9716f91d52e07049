import type { Metadata } from 'next';
import Link from 'next/link';
import { UnsubscribeButton } from '@/components/notifications/unsubscribe-button';
import { Card } from '@/components/ui/card';
import { NOTIFICATION_TYPE_INFO } from '@/lib/notifications/types';
import { unsubscribeQuery, verifyUnsubscribe } from '@/lib/notifications/unsubscribe';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Where an email's unsubscribe link leads: it asks before it unsubscribes (no session needed). */
export default async function UnsubscribePage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Search }) {
  const tenant = await requireTenant((await params).tenant);
  const search = await searchParams;
  const [u, s, t] = ['u', 's', 't'].map((key) => (typeof search[key] === 'string' ? (search[key] as string) : ''));
  const valid = verifyUnsubscribe(tenant.id, u, s, t);
  const label = valid ? (s === 'all' ? `notification emails from ${tenant.name}` : `${NOTIFICATION_TYPE_INFO[s].label(tenant.branding.terminology).toLowerCase()} emails`) : '';
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold text-slate-900">Unsubscribe</h1>
      {valid ? (
        <Card description={`Stop ${label}? You can turn them back on under Account › Notifications.`}>
          <UnsubscribeButton query={unsubscribeQuery(tenant.id, u, s)} label={label} />
        </Card>
      ) : (
        <Card>
          <p className="text-sm text-slate-700">
            This unsubscribe link is not valid. Sign in and change your emails under{' '}
            <Link href="/account/notifications" className="font-semibold text-brand-text underline">
              Account › Notifications
            </Link>
            .
          </p>
        </Card>
      )}
    </section>
  );
}
