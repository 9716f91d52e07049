import Link from 'next/link';
import type { ReactNode } from 'react';
import { SAMPLE_LANGUAGES, type SampleLanguage } from '@/lib/api/docs/code-samples';
import type { OpenApiDocument } from '@/lib/api/docs/openapi-types';
import type { OperationDoc } from '@/lib/api/docs/reference';
import { CodeTabs } from './code-tabs';
import { MarkdownText } from './markdown-text';
import { ParametersTable } from './parameters-table';
import { ResponsesList } from './responses-list';
import { SchemaFields } from './schema-fields';
import { TryIt, type TryItParameter } from './try-it';

const METHOD_STYLES: Record<string, string> = {
  GET: 'bg-sky-100 text-sky-800',
  POST: 'bg-green-100 text-green-800',
  PUT: 'bg-amber-100 text-amber-800',
  PATCH: 'bg-amber-100 text-amber-800',
  DELETE: 'bg-red-100 text-red-800',
};

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-2">
      <h4 className="text-sm font-semibold text-slate-900">{title}</h4>
      {children}
    </div>
  );
}

interface Props {
  doc: OpenApiDocument;
  operation: OperationDoc;
  samples: Record<SampleLanguage, string>;
  /** Try it needs the reader's own key, so only signed-in members get it. */
  canTry: boolean;
}

/** One operation: what it does and needs, what it answers, samples, and Try it. */
export function OperationSection({ doc, operation: op, samples, canTry }: Props) {
  const headingId = `${op.id}-title`;
  const tryable = op.parameters.filter((p): p is typeof p & { in: TryItParameter['in'] } => p.in !== 'cookie');
  return (
    <section id={op.id} aria-labelledby={headingId} className="scroll-mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h3 id={headingId} className="flex flex-wrap items-center gap-2 text-base">
        <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold ${METHOD_STYLES[op.method] ?? 'bg-slate-100 text-slate-800'}`}>{op.method}</span>{' '}
        <code className="font-mono text-sm font-semibold break-all text-slate-900">{op.path}</code>
      </h3>
      <p className="mt-2 text-lg font-semibold text-slate-900">{op.summary}</p>
      <div className="mt-4 grid gap-6 xl:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-5">
          <MarkdownText text={op.description} />
          {op.scopes.length ? (
            <p className="text-sm text-slate-700">
              Required scope:{' '}
              {op.scopes.map((scope) => (
                <code key={scope} className="mr-1 rounded bg-brand/10 px-1.5 py-0.5 font-mono text-xs font-semibold text-brand-text" data-testid="required-scope">
                  {scope}
                </code>
              ))}
            </p>
          ) : null}
          {op.parameters.length ? (
            <Part title="Parameters">
              <ParametersTable doc={doc} parameters={op.parameters} />
            </Part>
          ) : null}
          {op.requestBody ? (
            <Part title={`Request body (application/json${op.requestBody.required ? ', required' : ''})`}>
              <SchemaFields doc={doc} schema={op.requestBody.schema} />
            </Part>
          ) : null}
          <Part title="Responses">
            <ResponsesList doc={doc} responses={op.responses} />
          </Part>
        </div>
        <div className="flex min-w-0 flex-col gap-5">
          <CodeTabs label={`Code samples for ${op.method} ${op.path}`} samples={SAMPLE_LANGUAGES.map(({ id, label }) => ({ id, label, code: samples[id] }))} />
          <details className="rounded-lg border border-slate-200 p-4">
            <summary className="cursor-pointer text-sm font-semibold text-slate-900">Try it</summary>
            <div className="mt-4">
              {canTry ? (
                <TryIt
                  method={op.method}
                  path={op.path}
                  parameters={tryable.map(({ name, in: place, required, description }) => ({ name, in: place, required: required ?? false, description }))}
                  exampleBody={op.requestBody ? JSON.stringify(op.requestBody.example ?? {}, null, 2) : null}
                />
              ) : (
                <p className="text-sm text-slate-600">
                  <Link href="/signin" className="font-semibold text-brand-text underline">
                    Sign in
                  </Link>{' '}
                  to send requests from this page with your own API key.
                </p>
              )}
            </div>
          </details>
        </div>
      </div>
    </section>
  );
}
