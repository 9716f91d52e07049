import Link from 'next/link';
import { FormattedNumber } from '@/components/ui/formatted';
import { TIER_LIMITS, type Tier } from '@/lib/ratelimit/tiers';
import type { ReactNode } from 'react';

const PROBLEM_EXAMPLE = `HTTP/1.1 403 Forbidden
Content-Type: application/problem+json

{
  "type": "https://docs.waypoint.dev/errors/insufficient_scope",
  "title": "Forbidden",
  "status": 403,
  "detail": "This API key lacks the \\"write:goals\\" scope.",
  "code": "insufficient_scope",
  "instance": "/api/v1/goals"
}`;

interface Props {
  /** This workspace's own origin: the base URL of every request. */
  origin: string;
  workspaceName: string;
  signedIn: boolean;
}

const code = (text: string) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em]">{text}</code>;

function Topic({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <p className="text-sm leading-6 text-slate-700">{children}</p>
    </div>
  );
}

/**
 * What every request needs to know: where to send it, how to authenticate, pages, retries,
 * limits and errors. Written here rather than taken from the OpenAPI document's description,
 * which names the platform: this page is the workspace's own.
 */
export function DocsIntro({ origin, workspaceName, signedIn }: Props) {
  return (
    <section aria-labelledby="docs-intro" className="flex flex-col gap-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="docs-intro" className="text-lg font-semibold text-slate-900">
        Getting started
      </h2>
      <div className="flex flex-col gap-1">
        <p className="text-sm font-medium text-slate-800">Base URL</p>
        <code className="rounded-md bg-slate-900 px-3 py-2 font-mono text-sm text-slate-100" data-testid="api-base-url">
          {origin}
        </code>
        <p className="text-sm text-slate-600">
          {workspaceName}&apos;s own address; every path below goes after it. Send your key as{' '}
          {code('Authorization: Bearer wp_live_…')}.{' '}
          {signedIn ? (
            <Link href="/developers/keys" className="font-semibold text-brand-text underline">
              Create a key
            </Link>
          ) : (
            <>
              Members{' '}
              <Link href="/signin" className="font-semibold text-brand-text underline">
                sign in
              </Link>{' '}
              to create keys
            </>
          )}
          .
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Topic title="Authentication">
          A key belongs to {workspaceName} and acts as the member who created it, within the key&apos;s scopes and never beyond that member&apos;s role. Each operation
          names the scope it needs. A key sent to another workspace&apos;s address is refused with 401.
        </Topic>
        <Topic title="Pagination">
          Lists answer {code('{ "data": [...], "next_cursor": "…" }')}. Pass {code('limit')} (1–100, default 20) and {code('cursor')} with the previous page&apos;s{' '}
          {code('next_cursor')} until it is {code('null')}. Cursors are opaque.
        </Topic>
        <Topic title="Idempotency">
          Send {code('Idempotency-Key')} (e.g. a fresh UUID) on POST to retry safely: the same key with the same request returns the first answer again, marked{' '}
          {code('Idempotent-Replayed: true')}, for 24 hours. The same key with a different request is 409.
        </Topic>
        <Topic title="Caching">
          Single resources carry an {code('ETag')}; send it back in {code('If-None-Match')} to get an empty 304 while nothing changed.
        </Topic>
        <Topic title="Rate limits">
          Limits apply per key, by its tier. Every answer carries {code('RateLimit-Limit')}, {code('RateLimit-Remaining')} and {code('RateLimit-Reset')} (seconds); a 429
          carries {code('Retry-After')}.
        </Topic>
        <Topic title="Errors">
          Errors are {code('application/problem+json')} with a stable {code('code')} and, for invalid input, an {code('errors')} object naming each field.
        </Topic>
      </div>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Rate limits per key">
        <table className="w-full max-w-xl text-left text-sm">
          <caption className="mb-2 text-left text-sm font-medium text-slate-800">Rate limits per key, by its tier</caption>
          <thead className="border-b border-slate-200 text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">Tier</th>
              <th scope="col" className="py-1 pr-4 text-right font-medium">Burst</th>
              <th scope="col" className="py-1 pr-4 text-right font-medium">Per hour</th>
              <th scope="col" className="py-1 text-right font-medium">Per day</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {(Object.entries(TIER_LIMITS) as [Tier, (typeof TIER_LIMITS)[Tier]][]).map(([tier, limits]) => (
              <tr key={tier} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-4 font-medium capitalize">
                  {tier}
                </th>
                <td className="py-1 pr-4 text-right"><FormattedNumber value={limits.burst} /></td>
                <td className="py-1 pr-4 text-right"><FormattedNumber value={limits.perHour} /></td>
                <td className="py-1 text-right"><FormattedNumber value={limits.perDay} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-col gap-1">
        <p className="text-sm font-medium text-slate-800">An error, for example</p>
        <pre tabIndex={0} aria-label="An error response" className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
          <code>{PROBLEM_EXAMPLE}</code>
        </pre>
      </div>
    </section>
  );
}
