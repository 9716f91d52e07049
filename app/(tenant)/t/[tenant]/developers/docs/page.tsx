import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { DocsIntro } from '@/components/developers/docs/docs-intro';
import { DocsToc } from '@/components/developers/docs/docs-toc';
import { ErrorCodesSection } from '@/components/developers/docs/error-codes-section';
import { OAuthSection } from '@/components/developers/docs/oauth-section';
import { OperationSection } from '@/components/developers/docs/operation-section';
import { SchemasSection } from '@/components/developers/docs/schemas-section';
import { WebhookEventsSection } from '@/components/developers/docs/webhook-events-section';
import { codeSamples } from '@/lib/api/docs/code-samples';
import type { OpenApiDocument } from '@/lib/api/docs/openapi-types';
import { operationsOf, sampleRequestFor } from '@/lib/api/docs/reference';
import { buildOpenApiDocument } from '@/lib/api/v1/openapi';
import { getCurrentMember } from '@/lib/auth/session';
import { issuerFor } from '@/lib/oauth/issuer';
import { config, tenantOrigin } from '@/lib/config/env';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'API docs' };

// Public: anyone on the workspace's host may read the reference; signed-in members also get
// "Try it". Samples use the address the page was asked on, so a custom domain shows itself.
export default async function ApiDocsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await getCurrentMember(tenant);
  const host = (await headers()).get('host');
  const origin = host ? `${config.scheme}://${host}` : tenantOrigin(tenant.slug);
  // buildOpenApiDocument returns a plain JSON object; its shape is the OpenAPI 3.1 that openapi-types.ts reads.
  const doc = buildOpenApiDocument() as unknown as OpenApiDocument;
  const operations = operationsOf(doc);
  const tagOrder = (doc.tags ?? []).map((t) => t.name);
  const tags = [...new Set([...tagOrder, ...operations.map((op) => op.tag)])].filter((tag) => operations.some((op) => op.tag === tag));
  const groups = tags.map((tag) => ({ tag, description: doc.tags?.find((t) => t.name === tag)?.description, operations: operations.filter((op) => op.tag === tag) }));

  return (
    <div className="flex flex-col gap-8 lg:flex-row">
      <aside className="lg:sticky lg:top-6 lg:max-h-[calc(100vh-3rem)] lg:w-56 lg:shrink-0 lg:self-start lg:overflow-y-auto">
        <DocsToc groups={groups} schemaNames={Object.keys(doc.components?.schemas ?? {})} webhookEvents />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col gap-8">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{tenant.name} API</h1>
          <p className="mt-1 text-sm text-slate-600">
            Version {doc.info.version}. The machine-readable document is at{' '}
            <a href="/api/v1/openapi.json" className="font-mono text-brand-text underline">
              /api/v1/openapi.json
            </a>
            .
          </p>
        </div>
        <DocsIntro origin={origin} workspaceName={tenant.name} signedIn={member !== null} />
        {groups.map(({ tag, description, operations: ops }) => (
          <section key={tag} aria-labelledby={`tag-${tag}`} className="flex flex-col gap-4">
            <div>
              <h2 id={`tag-${tag}`} className="scroll-mt-6 text-xl font-bold text-slate-900">
                {tag}
              </h2>
              {description ? <p className="text-sm text-slate-600">{description}</p> : null}
            </div>
            {ops.map((op) => (
              <OperationSection key={op.id} doc={doc} operation={op} samples={codeSamples(sampleRequestFor(doc, op, origin))} canTry={member !== null} />
            ))}
          </section>
        ))}
        <OAuthSection issuer={issuerFor(tenant)} workspaceName={tenant.name} terminology={tenant.branding.terminology} />
        <WebhookEventsSection />
        <ErrorCodesSection />
        <SchemasSection doc={doc} />
      </div>
    </div>
  );
}
