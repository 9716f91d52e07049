import type { OperationDoc } from '@/lib/api/docs/reference';

/** The operations by tag, as in-page links. */
export function DocsToc({ groups, schemaNames, webhookEvents = false }: { groups: { tag: string; operations: OperationDoc[] }[]; schemaNames: string[]; webhookEvents?: boolean }) {
  return (
    <nav aria-label="API reference" className="flex flex-col gap-4 text-sm">
      <a href="#docs-intro" className="font-semibold text-slate-900 hover:text-brand-text">
        Getting started
      </a>
      {groups.map(({ tag, operations }) => (
        <div key={tag} className="flex flex-col gap-1">
          <a href={`#tag-${tag}`} className="font-semibold text-slate-900 hover:text-brand-text">
            {tag}
          </a>
          <ul className="flex flex-col gap-1 border-l border-slate-200 pl-3">
            {operations.map((op) => (
              <li key={op.id}>
                <a href={`#${op.id}`} className="text-slate-600 hover:text-brand-text">
                  {op.summary}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <a href="#oauth" className="font-semibold text-slate-900 hover:text-brand-text">
        OAuth 2.0
      </a>
      {webhookEvents ? (
        <a href="#webhook-events" className="font-semibold text-slate-900 hover:text-brand-text">
          Webhook events
        </a>
      ) : null}
      <a href="#error-codes" className="font-semibold text-slate-900 hover:text-brand-text">
        Error codes
      </a>
      {schemaNames.length ? (
        <a href="#schemas" className="font-semibold text-slate-900 hover:text-brand-text">
          Schemas
        </a>
      ) : null}
    </nav>
  );
}
