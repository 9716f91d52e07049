import type { ReactNode } from 'react';
import { SubNav } from '@/components/ui/sub-nav';
import { DOCS_GUIDES, docsResources, resourceHref } from '@/lib/api/docs/docs-sections';

// The docs: guides and one page per API resource, with one side navigation (a row of links on
// phones), so no page carries the whole API.
export default function DocsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-8 lg:flex-row">
      <aside className="lg:sticky lg:top-6 lg:w-56 lg:shrink-0 lg:self-start">
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
      </aside>
      <div className="flex min-w-0 flex-1 flex-col gap-8">{children}</div>
    </div>
  );
}
