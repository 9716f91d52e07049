import type { OpenApiDocument } from '@/lib/api/docs/openapi-types';
import { SchemaFields } from './schema-fields';

/** Every named schema, where the operations' type names link to. */
export function SchemasSection({ doc }: { doc: OpenApiDocument }) {
  const schemas = Object.entries(doc.components?.schemas ?? {});
  if (schemas.length === 0) return null;
  return (
    <section aria-labelledby="schemas" className="flex flex-col gap-4">
      <h2 id="schemas" className="text-xl font-bold text-slate-900">
        Schemas
      </h2>
      {schemas.map(([name, schema]) => (
        <section key={name} id={`schema-${name}`} aria-labelledby={`schema-${name}-title`} className="scroll-mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h3 id={`schema-${name}-title`} className="font-mono text-base font-semibold text-slate-900">
            {name}
          </h3>
          {schema.description ? <p className="mt-1 text-sm text-slate-600">{schema.description}</p> : null}
          <div className="mt-3">
            <SchemaFields doc={doc} schema={schema} />
          </div>
        </section>
      ))}
    </section>
  );
}
