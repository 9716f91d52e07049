import type { Metadata } from 'next';
import { ErrorCodesSection } from '@/components/developers/docs/error-codes-section';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Error codes · API docs' };

export default async function ErrorCodesDocsPage({ params }: { params: Promise<{ tenant: string }> }) {
  await requireTenant((await params).tenant);
  return <ErrorCodesSection />;
}
