import type { Metadata } from 'next';
import Link from 'next/link';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { Card } from '@/components/ui/card';
import { EventCatalog } from '@/components/webhooks/event-catalog';
import { WebhooksPanel } from '@/components/webhooks/webhooks-panel';
import { featureLock } from '@/lib/billing/entitlements';
import { eventTypesByResource } from '@/lib/events/event-catalog-docs';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';
import { listEndpoints } from '@/lib/webhooks/endpoints';

export const metadata: Metadata = { title: 'Webhooks' };

// Admins only (integrations.manage): anyone else gets the 403 page.
export default async function WebhooksPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'integrations.manage');
  const lock = await featureLock(tenant, 'webhooks');
  const catalog = eventTypesByResource();
  // The form needs only names and descriptions; the catalog below shows the examples.
  const groups = catalog.map(({ resource, types }) => ({ resource, types: types.map(({ type, description }) => ({ type, description })) }));
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Webhooks</h1>
        <p className="mt-1 text-sm text-slate-600">
          Webhooks tell your own software when something happens in {tenant.name}, as signed HTTPS requests.{' '}
          <Link href="/developers/docs/webhook-events" className="font-semibold text-brand-text underline">
            How to verify them
          </Link>
          .
        </p>
      </div>
      {/* Without the feature, existing endpoints can still be seen, switched off and deleted. */}
      <UpgradeNotice lock={lock} />
      <WebhooksPanel initial={await listEndpoints(tenant, member)} groups={groups} locked={lock !== null} />
      <Card title="Event catalog" description="Every event an endpoint can receive, with an example of the body we send.">
        <EventCatalog groups={catalog} level={3} />
      </Card>
    </div>
  );
}
