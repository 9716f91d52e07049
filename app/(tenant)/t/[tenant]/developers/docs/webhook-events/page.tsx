import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { WebhookEventsSection } from '@/components/developers/docs/webhook-events-section';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('docs');
  return { title: t('pageTitle', { page: t('guides.webhookEvents.title') }) };
}

export default async function WebhookEventsDocsPage({ params }: { params: Promise<{ tenant: string }> }) {
  await requireTenant((await params).tenant);
  return <WebhookEventsSection />;
}
