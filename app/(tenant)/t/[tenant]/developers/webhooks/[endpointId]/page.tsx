import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EndpointDetailView } from '@/components/webhooks/endpoint-detail-view';
import { eventTypesByResource } from '@/lib/events/event-catalog-docs';
import { AppError } from '@/lib/http/problem';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';
import { getEndpoint } from '@/lib/webhooks/endpoints';

export const metadata: Metadata = { title: 'Webhook endpoint' };

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
  const groups = eventTypesByResource().map(({ resource, types }) => ({ resource, types: types.map(({ type, description }) => ({ type, description })) }));
  return <EndpointDetailView initial={endpoint} groups={groups} />;
}
