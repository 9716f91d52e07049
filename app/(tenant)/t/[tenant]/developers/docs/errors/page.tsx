import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ErrorCodesSection } from '@/components/developers/docs/error-codes-section';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('docs');
  return { title: t('pageTitle', { page: t('guides.errors.title') }) };
}

export default async function ErrorCodesDocsPage({ params }: { params: Promise<{ tenant: string }> }) {
  await requireTenant((await params).tenant);
  return <ErrorCodesSection />;
}
