import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { resourceTitle } from '@/components/developers/docs/docs-words';
import { SubNav } from '@/components/ui/sub-nav';
import { ClientMessages, SHARED_NAMESPACES } from '@/lib/i18n/client-messages';
import { DOCS_GUIDES, docsResources, resourceHref } from '@/lib/api/docs/docs-sections';

async function DocsNav() {
  const t = await getTranslations('docs');
  return (
    <nav aria-label={t('nav.label')} className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <p className="px-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">{t('nav.guides')}</p>
        <SubNav variant="sidebar" items={DOCS_GUIDES.map(({ key, href }) => ({ href, label: t(`guides.${key}.label`) }))} />
      </div>
      <div className="flex flex-col gap-1">
        <p className="px-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">{t('nav.reference')}</p>
        <SubNav variant="sidebar" items={docsResources().map((resource) => ({ href: resourceHref(resource), label: resourceTitle(t, resource) }))} />
      </div>
    </nav>
  );
}

// The docs' client components (the reference, Try it, code samples) read these.
const DOCS_NAMESPACES = [...SHARED_NAMESPACES, 'docs', 'developers', 'apiKeys', 'webhooks', 'oauthApps', 'consent'];

// The docs: guides and one page per API resource, with one side navigation, so no page
// carries the whole API. Below the lg breakpoint the navigation folds into a menu above the
// page, so the page's content starts on the first screen of a phone.
export default async function DocsLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('docs');
  return (
    <ClientMessages only={DOCS_NAMESPACES}>
    <div className="flex flex-col gap-6 lg:flex-row lg:gap-8">
      <details className="rounded-lg border border-slate-200 bg-white lg:hidden">
        <summary className="cursor-pointer px-4 py-3 text-sm font-semibold text-slate-900">{t('nav.menu')}</summary>
        <div className="px-1 pb-3">
          <DocsNav />
        </div>
      </details>
      <aside className="hidden lg:sticky lg:top-6 lg:block lg:w-56 lg:shrink-0 lg:self-start">
        <DocsNav />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col gap-8">{children}</div>
    </div>
      </ClientMessages>
  );
}
