import { constraintsOf, fieldsOf, isNullable, nestedObject, nonNull, refOf } from '@/lib/api/docs/json-schema';
import type { OpenApiDocument, SchemaObject } from '@/lib/api/docs/openapi-types';
import { InlineMarkdown } from './markdown-text';
import { SchemaType } from './schema-type';

const MAX_NESTING = 3;

/**
 * An object schema's fields: name, type, whether required, description and limits. Inline
 * objects open up beneath their field; named schemas link to their own entry instead.
 */
export function SchemaFields({ doc, schema, depth = 0 }: { doc: OpenApiDocument; schema: SchemaObject; depth?: number }) {
  const fields = fieldsOf(doc, schema);
  if (fields.length === 0) return <SchemaType doc={doc} schema={schema} />;
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {fields.map(({ name, required, schema: field }) => {
        const ref = refOf(field);
        const description = field.description ?? (ref ? undefined : nonNull(doc, field).description);
        const constraints = constraintsOf(doc, field);
        const nested = ref || depth >= MAX_NESTING ? null : nestedObject(doc, field);
        return (
          <li key={name} className="flex flex-col gap-1 px-3 py-2">
            <div className="flex flex-wrap items-baseline gap-2">
              <code className="font-mono text-sm font-semibold text-slate-900">{name}</code>
              <SchemaType doc={doc} schema={field} />
              <span className={`text-xs ${required ? 'font-semibold text-red-700' : 'text-slate-500'}`}>{required ? 'required' : 'optional'}</span>
              {isNullable(field) ? <span className="text-xs text-slate-500">nullable</span> : null}
            </div>
            {description ? (
              <p className="text-sm text-slate-600">
                <InlineMarkdown text={description} />
              </p>
            ) : null}
            {constraints.length ? <p className="text-xs text-slate-500">{constraints.join(' · ')}</p> : null}
            {nested ? (
              <div className="mt-1 ml-2 border-l-2 border-slate-200 pl-3">
                <SchemaFields doc={doc} schema={nested} depth={depth + 1} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
