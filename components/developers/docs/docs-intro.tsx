import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { FormattedNumber } from '@/components/ui/formatted';
import { TIER_LIMITS, type Tier } from '@/lib/ratelimit/tiers';

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

/** Inline code in the docs' prose: kept left to right in any language. */
export const code = (chunks: ReactNode) => (
  <code dir="ltr" className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em]">
    {chunks}
  </code>
);

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
  const t = useTranslations('docs.intro');
  const tiers = useTranslations('apiKeys.tiers');
  return (
    <section aria-labelledby="docs-intro" className="flex flex-col gap-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="docs-intro" className="text-lg font-semibold text-slate-900">
        {t('title')}
      </h2>
      <div className="flex flex-col gap-1">
        <p className="text-sm font-medium text-slate-800">{t('baseUrl')}</p>
        <code dir="ltr" className="rounded-md bg-slate-900 px-3 py-2 font-mono text-sm text-slate-100" data-testid="api-base-url">
          {origin}
        </code>
        <p className="text-sm text-slate-600">
          {t.rich(signedIn ? 'baseUrlMember' : 'baseUrlVisitor', {
            workspaceName,
            c: code,
            keys: (chunks) => (
              <Link href="/developers/keys" className="font-semibold text-brand-text underline">
                {chunks}
              </Link>
            ),
            signin: (chunks) => (
              <Link href="/signin" className="font-semibold text-brand-text underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Topic title={t('authentication.title')}>{t('authentication.body', { workspaceName })}</Topic>
        <Topic title={t('pagination.title')}>{t.rich('pagination.body', { list: '{ "data": [...], "next_cursor": "…" }', c: code })}</Topic>
        <Topic title={t('idempotency.title')}>{t.rich('idempotency.body', { c: code })}</Topic>
        <Topic title={t('caching.title')}>{t.rich('caching.body', { c: code })}</Topic>
        <Topic title={t('rateLimits.title')}>{t.rich('rateLimits.body', { c: code })}</Topic>
        <Topic title={t('errors.title')}>{t.rich('errors.body', { c: code })}</Topic>
      </div>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('limits.region')}>
        <table className="w-full max-w-xl text-start text-sm">
          <caption className="mb-2 text-start text-sm font-medium text-slate-800">{t('limits.caption')}</caption>
          <thead className="border-b border-slate-200 text-slate-500">
            <tr>
              <th scope="col" className="py-1 pe-4 font-medium">
                {t('limits.tier')}
              </th>
              <th scope="col" className="py-1 pe-4 text-end font-medium">
                {t('limits.burst')}
              </th>
              <th scope="col" className="py-1 pe-4 text-end font-medium">
                {t('limits.perHour')}
              </th>
              <th scope="col" className="py-1 text-end font-medium">
                {t('limits.perDay')}
              </th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {(Object.entries(TIER_LIMITS) as [Tier, (typeof TIER_LIMITS)[Tier]][]).map(([tier, limits]) => (
              <tr key={tier} className="border-b border-slate-100">
                <th scope="row" className="py-1 pe-4 font-medium">
                  {tiers(tier)}
                </th>
                <td className="py-1 pe-4 text-end">
                  <FormattedNumber value={limits.burst} />
                </td>
                <td className="py-1 pe-4 text-end">
                  <FormattedNumber value={limits.perHour} />
                </td>
                <td className="py-1 text-end">
                  <FormattedNumber value={limits.perDay} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-col gap-1">
        <p className="text-sm font-medium text-slate-800">{t('errorExample')}</p>
        <pre tabIndex={0} dir="ltr" aria-label={t('errorExampleLabel')} className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
          <code>{PROBLEM_EXAMPLE}</code>
        </pre>
      </div>
    </section>
  );
}
