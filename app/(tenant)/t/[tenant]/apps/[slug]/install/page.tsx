import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppLogo } from '@/components/marketplace/app-card';
import { buttonClass } from '@/components/ui/button';
import { getFormatter } from '@/lib/format/server';
import { AppError } from '@/lib/http/problem';
import { describePricing } from '@/lib/marketplace/pricing';
import { prepareInstall, type InstallPrompt } from '@/lib/marketplace/installations';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Install an app', robots: { index: false, follow: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The install consent, in the workspace's brand: what the app will be able to do in the whole
 * workspace (each scope in plain words with the partner's reason), which events it will
 * receive, where the browser goes next. Admins only. A plain form posted to
 * /api/app/marketplace/installs, which answers 303 to the app's setup URL.
 */
export default async function InstallAppPage({ params, searchParams }: { params: Promise<{ tenant: string; slug: string }>; searchParams: SearchParams }) {
  const { tenant: tenantSlug, slug } = await params;
  const tenant = await requireTenant(tenantSlug);
  const member = await requireMember(tenant, 'integrations.manage');
  const changed = (await searchParams).changed === '1';
  let prompt: InstallPrompt | null = null;
  let problem: string | null = null;
  try {
    prompt = await prepareInstall(tenant, member, slug);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    if (error instanceof AppError && error.status < 500) problem = error.message;
    else throw error;
  }

  if (!prompt) {
    return (
      <section className="mx-auto w-full max-w-lg px-6 py-12">
        <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="text-xl font-bold text-slate-900">This app cannot be installed</h1>
          <p className="mt-2 text-sm text-slate-700" role="alert">
            {problem}
          </p>
          <Link href={`/apps/${slug}`} className="mt-6 inline-block font-medium text-brand-text underline">
            Back to the app
          </Link>
        </div>
      </section>
    );
  }

  const { app, price } = prompt;
  const reconsent = prompt.installation !== null;
  const format = await getFormatter(tenant);
  const paid = price.pricing.pricing !== 'free';
  return (
    <section aria-labelledby="install-title" className="mx-auto w-full max-w-lg px-4 py-10 sm:px-6">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8" data-testid="install-consent">
        <div className="flex flex-col items-center gap-3 text-center">
          <AppLogo name={app.name} logoUrl={app.logoUrl} size={64} />
          <h1 id="install-title" className="text-xl font-bold text-slate-900">
            {reconsent ? (
              <>
                <span data-testid="install-app-name">{app.name}</span> asks for more access in {tenant.name}
              </>
            ) : (
              <>
                Install <span data-testid="install-app-name">{app.name}</span> in {tenant.name}
              </>
            )}
          </h1>
          <p className="text-sm text-slate-600">
            by <span className="font-medium text-slate-800">{app.partnerName}</span>
            {prompt.sandbox ? ' · your sandbox: this version is not published' : null}
          </p>
        </div>

        {changed ? (
          <p role="alert" className="mt-6 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            The app changed while you were deciding. Review what it asks for now.
          </p>
        ) : null}

        <h2 className="mt-8 text-sm font-semibold text-slate-900">For the whole workspace, {app.name} will be able to:</h2>
        <ul className="mt-3 flex flex-col gap-3" data-testid="install-scopes">
          {prompt.scopes.map((scope) => (
            <li key={scope.scope} className="flex items-start gap-2 text-sm text-slate-800">
              <span aria-hidden="true" className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-brand" />
              <span>
                <span className="font-medium">{scope.description}</span>
                {prompt.newScopes.includes(scope.scope) ? <span className="ml-1 text-xs font-semibold text-amber-900">(new)</span> : null}
                {scope.justification ? <span className="block text-slate-600">{scope.justification}</span> : null}
              </span>
            </li>
          ))}
        </ul>
        {prompt.events.length ? (
          <p className="mt-4 text-sm text-slate-700">
            It will be told about: <span className="break-words">{prompt.events.join(', ')}</span>.
          </p>
        ) : null}

        <div className={`mt-6 rounded-md border p-3 text-sm ${paid ? 'border-brand bg-slate-50' : 'border-slate-200'}`} data-testid="install-price">
          <p className="font-semibold text-slate-900">
            Price: <span data-testid="install-price-label">{describePricing(price.pricing, format)}</span>
          </p>
          {price.example ? (
            <p className="mt-1 text-slate-700" data-testid="install-price-example">
              For example, a month with {format.number(price.example.calls)} API calls costs {format.money(price.example.cents, price.pricing.priceCurrency)}.
            </p>
          ) : null}
          {paid && price.billedVia === 'stripe' && !price.blocked ? <p className="mt-1 text-slate-700">Added to the workspace’s subscription, prorated from today; it ends when the app is uninstalled.</p> : null}
          {paid && price.billedVia === 'operator' && !price.blocked ? <p className="mt-1 text-slate-700">Billed by your platform operator, who allowed this app for the workspace.</p> : null}
        </div>

        <p className="mt-6 text-sm text-slate-700">
          Next you go to <strong className="break-all">{prompt.landingHost}</strong> to finish setting it up.
        </p>

        {price.blocked ? (
          <div className="mt-6 flex flex-col gap-3">
            <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="install-blocked">
              {price.blocked.message}
            </p>
            <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
              <Link href={`/apps/${app.slug}`} className={buttonClass('secondary')}>
                Back to the app
              </Link>
              {price.blocked.code === 'subscription_required' ? (
                <Link href="/settings/billing" className={buttonClass('primary')}>
                  Go to billing
                </Link>
              ) : null}
            </div>
          </div>
        ) : (
        <form method="post" action="/api/app/marketplace/installs" aria-label={`Install ${app.name}`} className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <input type="hidden" name="slug" value={app.slug} />
          <input type="hidden" name="versionId" value={prompt.version.id} />
          <Link href={`/apps/${app.slug}`} className={buttonClass('secondary')}>
            Cancel
          </Link>
          <button type="submit" className={buttonClass('primary')} data-testid="install-confirm">
            {reconsent ? (paid ? 'Allow, pay and update' : 'Allow and update') : paid ? 'Install and pay' : 'Install'}
          </button>
        </form>
        )}

        <p className="mt-6 text-xs text-slate-600">
          {app.name} is made by {app.partnerName}, not by {tenant.name}. It acts for the workspace until an admin uninstalls it under Settings › Installed apps.
        </p>
      </div>
    </section>
  );
}
