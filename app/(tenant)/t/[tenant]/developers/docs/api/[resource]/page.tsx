import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ApiReference } from '@/components/developers/docs/api-reference';
import { resourceDescription, resourceTitle } from '@/components/developers/docs/docs-words';
import { docsResources } from '@/lib/api/docs/docs-sections';
import { resourceDocument } from '@/lib/api/docs/resource-docs';
import { buildOpenApiDocument } from '@/lib/api/v1/openapi';
import { getCurrentMember } from '@/lib/auth/session';
import { config, tenantOrigin } from '@/lib/config/env';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = { tenant: string; resource: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { resource: resourceSlug } = await params;
  const resource = docsResources().find((r) => r.slug === resourceSlug);
  const t = await getTranslations('docs');
  return { title: resource ? t('pageTitle', { page: resourceTitle(t, resource) }) : t('metaTitle') };
}

// One resource of the API reference, rendered by Scalar from this app's own OpenAPI document
// cut down to the resource. Members get Try it with a temporary key; visitors paste theirs.
// The reference itself (Scalar's screens and the document's descriptions) is the API's own
// English contract; the page around it is in the reader's language.
export default async function ApiResourcePage({ params }: { params: Promise<Params> }) {
  const { tenant: slug, resource: resourceSlug } = await params;
  const tenant = await requireTenant(slug);
  const resource = docsResources().find((r) => r.slug === resourceSlug);
  if (!resource) notFound();
  const member = await getCurrentMember(tenant);
  const host = (await headers()).get('host');
  const origin = host ? `${config.scheme}://${host}` : tenantOrigin(tenant.slug);
  const spec = resourceDocument(buildOpenApiDocument() as Parameters<typeof resourceDocument>[0], resource, { origin, title: `${tenant.name} API: ${resource.tag}` });
  const t = await getTranslations('docs');
  return (
    <>
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{resourceTitle(t, resource)}</h1>
        <p className="mt-1 text-sm text-slate-600">{resourceDescription(t, resource)}</p>
      </div>
      <ApiReference spec={spec} userId={member?.userId ?? null} />
    </>
  );
}
