import { constraintsOf } from '@/lib/api/docs/json-schema';
import type { OpenApiDocument, ParameterObject } from '@/lib/api/docs/openapi-types';
import { InlineMarkdown } from './markdown-text';
import { SchemaType } from './schema-type';

export function ParametersTable({ doc, parameters }: { doc: OpenApiDocument; parameters: ParameterObject[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Name</th>
            <th scope="col" className="py-2 pr-4 font-medium">In</th>
            <th scope="col" className="py-2 pr-4 font-medium">Type</th>
            <th scope="col" className="py-2 pr-4 font-medium">Required</th>
            <th scope="col" className="py-2 font-medium">Description</th>
          </tr>
        </thead>
        <tbody>
          {parameters.map((p) => {
            const constraints = p.schema ? constraintsOf(doc, p.schema) : [];
            return (
              <tr key={`${p.in}:${p.name}`} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-4 font-mono text-xs font-semibold text-slate-900">{p.name}</td>
                <td className="py-2 pr-4 text-slate-600">{p.in}</td>
                <td className="py-2 pr-4">{p.schema ? <SchemaType doc={doc} schema={p.schema} /> : null}</td>
                <td className="py-2 pr-4 text-slate-600">{p.required ? 'yes' : 'no'}</td>
                <td className="py-2 text-slate-600">
                  {p.description ? <InlineMarkdown text={p.description} /> : null}
                  {constraints.length ? <span className="block text-xs text-slate-500">{constraints.join(' · ')}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
