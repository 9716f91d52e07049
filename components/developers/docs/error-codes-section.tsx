import { ERROR_CODES } from '@/lib/http/error-codes';

/** Every error code the API answers with (lib/http/error-codes.ts, the one registry), with its status. */
export function ErrorCodesSection() {
  const codes = Object.entries(ERROR_CODES).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section aria-labelledby="error-codes" className="flex flex-col gap-3">
      <h1 id="error-codes" className="text-2xl font-bold text-slate-900">
        Error codes
      </h1>
      <p className="text-sm text-slate-600">
        Every error body carries one of these in <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em]">code</code>, and the request&apos;s id in{' '}
        <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em]">requestId</code> (also the <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em]">X-Request-Id</code> header).
      </p>
      <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 text-sm" data-testid="error-codes">
        {codes.map(([code, info]) => (
          <div key={code} className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:gap-4">
            <dt className="flex shrink-0 items-baseline gap-2 sm:w-72">
              <code className="break-all font-mono text-slate-900">{code}</code>
              <span className="text-xs text-slate-500">{[info.status].flat().join(' or ')}</span>
            </dt>
            <dd className="text-slate-600">{info.description}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
