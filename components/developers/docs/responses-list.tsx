import type { OpenApiDocument } from '@/lib/api/docs/openapi-types';
import type { ResponseDoc } from '@/lib/api/docs/reference';
import { InlineMarkdown } from './markdown-text';
import { SchemaType } from './schema-type';

const STATUS_STYLES: Record<string, string> = {
  '2': 'bg-green-100 text-green-800',
  '3': 'bg-sky-100 text-sky-800',
  '4': 'bg-amber-100 text-amber-800',
  '5': 'bg-red-100 text-red-800',
};

export function ResponsesList({ doc, responses }: { doc: OpenApiDocument; responses: ResponseDoc[] }) {
  return (
    <ul className="flex flex-col gap-2">
      {responses.map((r) => (
        <li key={r.status} className="flex gap-3 text-sm">
          <span className={`h-fit shrink-0 rounded px-2 py-0.5 font-mono text-xs font-semibold ${STATUS_STYLES[r.status[0]] ?? 'bg-slate-100 text-slate-700'}`}>{r.status}</span>
          <div className="flex min-w-0 flex-col gap-0.5">
            <span className="text-slate-700">
              <InlineMarkdown text={r.description} />
            </span>
            {r.schema ? (
              <span className="text-xs text-slate-500">
                {r.contentType}: <SchemaType doc={doc} schema={r.schema} />
              </span>
            ) : null}
            {r.headers.length ? <span className="text-xs text-slate-500">Headers: {r.headers.join(', ')}</span> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
