import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EndpointDetailView } from '@/components/webhooks/endpoint-detail-view';
import { describedGroups } from '@/components/webhooks/event-words';
import { eventTypesByResource } from '@/lib/events/event-catalog-docs';
import { AppError } from '@/lib/http/problem';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';
import { getEndpoint } from '@/lib/webhooks/endpoints';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('webhooks');
  return { title: t('endpoint.metaTitle') };
}

type Params = Promise<{ tenant: string; endpointId: string }>;

// The delivery log is loaded by the browser (it pages, filters and follows pending deliveries).
export default async function WebhookEndpointPage({ params }: { params: Params }) {
  const { tenant: slug, endpointId } = await params;
  const tenant = await requireTenant(slug);
  const member = await requireMember(tenant, 'integrations.manage');
  // Another workspace's endpoint, or none: "not found".
  const endpoint = await getEndpoint(tenant, member, endpointId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const groups = describedGroups(await getTranslations('webhooks'), eventTypesByResource());
  return <EndpointDetailView initial={endpoint} groups={groups} />;
}
