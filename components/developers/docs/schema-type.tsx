import { refOf, typeLabel } from '@/lib/api/docs/json-schema';
import type { OpenApiDocument, SchemaObject } from '@/lib/api/docs/openapi-types';

/** A schema's type as text; a named schema links to its entry under Schemas. */
export function SchemaType({ doc, schema }: { doc: OpenApiDocument; schema: SchemaObject }) {
  const ref = refOf(schema);
  const label = <code className="font-mono text-xs text-violet-700">{typeLabel(doc, schema)}</code>;
  return ref ? (
    <a href={`#schema-${ref}`} className="underline decoration-dotted underline-offset-2">
      {label}
    </a>
  ) : (
    label
  );
}
