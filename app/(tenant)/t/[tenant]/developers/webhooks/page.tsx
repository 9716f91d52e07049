import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { Card } from '@/components/ui/card';
import { EventCatalog } from '@/components/webhooks/event-catalog';
import { describedGroups } from '@/components/webhooks/event-words';
import { WebhooksPanel } from '@/components/webhooks/webhooks-panel';
import { featureLock } from '@/lib/billing/entitlements';
import { eventTypesByResource } from '@/lib/events/event-catalog-docs';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';
import { listEndpoints } from '@/lib/webhooks/endpoints';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('webhooks');
  return { title: t('metaTitle') };
}

// Admins only (integrations.manage): anyone else gets the 403 page.
export default async function WebhooksPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'integrations.manage');
  const lock = await featureLock(tenant, 'webhooks');
  const t = await getTranslations('webhooks');
  const catalog = eventTypesByResource();
  // The form needs only names and descriptions; the catalog below shows the examples.
  const groups = describedGroups(t, catalog);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t.rich('intro', {
            workspaceName: tenant.name,
            link: (chunks) => (
              <Link href="/developers/docs/webhook-events" className="font-semibold text-brand-text underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
      {/* Without the feature, existing endpoints can still be seen, switched off and deleted. */}
      <UpgradeNotice lock={lock} />
      <WebhooksPanel initial={await listEndpoints(tenant, member)} groups={groups} locked={lock !== null} />
      <Card title={t('catalog.title')} description={t('catalog.description')}>
        <EventCatalog groups={catalog} level={3} />
      </Card>
    </div>
  );
}
