import type { ReactNode } from 'react';
import { SubNav } from '@/components/ui/sub-nav';
import { DOCS_GUIDES, docsResources, resourceHref } from '@/lib/api/docs/docs-sections';

function DocsNav() {
  return (
    <nav aria-label="API docs" className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <p className="px-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">Guides</p>
        <SubNav variant="sidebar" items={DOCS_GUIDES.map(({ href, label }) => ({ href, label }))} />
      </div>
      <div className="flex flex-col gap-1">
        <p className="px-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">API reference</p>
        <SubNav variant="sidebar" items={docsResources().map((resource) => ({ href: resourceHref(resource), label: resource.tag }))} />
      </div>
    </nav>
  );
}

// The docs: guides and one page per API resource, with one side navigation, so no page
// carries the whole API. Below the lg breakpoint the navigation folds into a menu above the
// page, so the page's content starts on the first screen of a phone.
export default function DocsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-6 lg:flex-row lg:gap-8">
      <details className="rounded-lg border border-slate-200 bg-white lg:hidden">
        <summary className="cursor-pointer px-4 py-3 text-sm font-semibold text-slate-900">Docs menu</summary>
        <div className="px-1 pb-3">
          <DocsNav />
        </div>
      </details>
      <aside className="hidden lg:sticky lg:top-6 lg:block lg:w-56 lg:shrink-0 lg:self-start">
        <DocsNav />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col gap-8">{children}</div>
    </div>
  );
}
