import type { Metadata } from 'next';
import { WebhookEventsSection } from '@/components/developers/docs/webhook-events-section';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Webhook events · API docs' };

export default async function WebhookEventsDocsPage({ params }: { params: Promise<{ tenant: string }> }) {
  await requireTenant((await params).tenant);
  return <WebhookEventsSection />;
}
