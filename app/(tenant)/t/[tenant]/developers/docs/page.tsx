import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { DocsIntro } from '@/components/developers/docs/docs-intro';
import { resourceDescription, resourceTitle } from '@/components/developers/docs/docs-words';
import { DOCS_GUIDES, docsResources, resourceHref } from '@/lib/api/docs/docs-sections';
import { getCurrentMember } from '@/lib/auth/session';
import { config, tenantOrigin } from '@/lib/config/env';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('docs');
  return { title: t('metaTitle') };
}

// Public: anyone on the workspace's host may read the docs. The landing says how every request
// works and lists the resources, each on its own page.
export default async function ApiDocsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await getCurrentMember(tenant);
  const host = (await headers()).get('host');
  const origin = host ? `${config.scheme}://${host}` : tenantOrigin(tenant.slug);
  const t = await getTranslations('docs');

  return (
    <>
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('landing.title', { workspaceName: tenant.name })}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t.rich('landing.openapi', {
            path: '/api/v1/openapi.json',
            link: (chunks) => (
              <a href="/api/v1/openapi.json" dir="ltr" className="font-mono text-brand-text underline">
                {chunks}
              </a>
            ),
          })}
        </p>
      </div>
      <section aria-labelledby="docs-resources" className="flex flex-col gap-3">
        <h2 id="docs-resources" className="text-lg font-semibold text-slate-900">
          {t('nav.reference')}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {docsResources().map((resource) => (
            <li key={resource.slug}>
              <Link href={resourceHref(resource)} className="flex h-full flex-col gap-1 rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-400">
                <span className="font-semibold text-slate-900">{resourceTitle(t, resource)}</span>
                <span className="text-sm text-slate-600">{resourceDescription(t, resource)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <DocsIntro origin={origin} workspaceName={tenant.name} signedIn={member !== null} />
      <section aria-labelledby="docs-guides" className="flex flex-col gap-3">
        <h2 id="docs-guides" className="text-lg font-semibold text-slate-900">
          {t('nav.guides')}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {DOCS_GUIDES.slice(1).map((guide) => (
            <li key={guide.href}>
              <Link href={guide.href} className="flex h-full flex-col gap-1 rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-400">
                <span className="font-semibold text-slate-900">{t(`guides.${guide.key}.label`)}</span>
                <span className="text-sm text-slate-600">{t(`guides.${guide.key}.description`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
