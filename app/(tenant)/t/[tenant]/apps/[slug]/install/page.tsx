import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AppLogo } from '@/components/marketplace/app-card';
import { scopeDescriber } from '@/components/oauth/scope-description';
import { priceText } from '@/components/marketplace/price-text';
import { buttonClass } from '@/components/ui/button';
import { getFormatter } from '@/lib/format/server';
import { AppError } from '@/lib/http/problem';
import { DEFAULT_LANGUAGE, languageOf } from '@/lib/i18n/languages';
import { serverTextTranslator } from '@/lib/i18n/server-text';
import { prepareInstall, type InstallPrompt } from '@/lib/marketplace/installations';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('appInstall');
  return { title: t('title'), robots: { index: false, follow: false } };
}

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
  const t = await getTranslations('appInstall');
  // The server's own sentences (why it cannot be installed, why it is blocked) in the page's language.
  const translate = await serverTextTranslator(languageOf(await getLocale()) ?? DEFAULT_LANGUAGE);
  const changed = (await searchParams).changed === '1';
  let prompt: InstallPrompt | null = null;
  let problem: string | null = null;
  try {
    prompt = await prepareInstall(tenant, member, slug);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    if (error instanceof AppError && error.status < 500) problem = translate(error.message);
    else throw error;
  }

  if (!prompt) {
    return (
      <section className="mx-auto w-full max-w-lg px-6 py-12">
        <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="text-xl font-bold text-slate-900">{t('cannotInstall')}</h1>
          <p className="mt-2 text-sm text-slate-700" role="alert">
            {problem}
          </p>
          <Link href={`/apps/${slug}`} className="mt-6 inline-block font-medium text-brand-text underline">
            {t('backToApp')}
          </Link>
        </div>
      </section>
    );
  }

  const { app, price } = prompt;
  const reconsent = prompt.installation !== null;
  const format = await getFormatter(tenant);
  const marketplace = await getTranslations('marketplace');
  const describeScope = await scopeDescriber();
  const paid = price.pricing.pricing !== 'free';
  const appName = (chunks: ReactNode) => <span data-testid="install-app-name">{chunks}</span>;
  return (
    <section aria-labelledby="install-title" className="mx-auto w-full max-w-lg px-4 py-10 sm:px-6">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8" data-testid="install-consent">
        <div className="flex flex-col items-center gap-3 text-center">
          <AppLogo name={app.name} logoUrl={app.logoUrl} size={64} />
          <h1 id="install-title" className="text-xl font-bold text-slate-900">
            {reconsent ? t.rich('reconsentHeading', { app: app.name, workspace: tenant.name, name: appName }) : t.rich('installHeading', { app: app.name, workspace: tenant.name, name: appName })}
          </h1>
          <p className="text-sm text-slate-600">
            {t.rich(prompt.sandbox ? 'bySandbox' : 'by', { partner: app.partnerName, who: (chunks) => <span className="font-medium text-slate-800">{chunks}</span> })}
          </p>
        </div>

        {changed ? (
          <p role="alert" className="mt-6 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t('changed')}
          </p>
        ) : null}

        <h2 className="mt-8 text-sm font-semibold text-slate-900">{t('willBeAbleTo', { app: app.name })}</h2>
        <ul className="mt-3 flex flex-col gap-3" data-testid="install-scopes">
          {prompt.scopes.map((scope) => (
            <li key={scope.scope} className="flex items-start gap-2 text-sm text-slate-800">
              <span aria-hidden="true" className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-brand" />
              <span>
                <span className="font-medium">{describeScope(scope.scope, scope.description)}</span>
                {prompt.newScopes.includes(scope.scope) ? <span className="ms-1 text-xs font-semibold text-amber-900">{t('new')}</span> : null}
                {scope.justification ? <span className="block text-slate-600">{scope.justification}</span> : null}
              </span>
            </li>
          ))}
        </ul>
        {prompt.events.length ? (
          <p className="mt-4 text-sm text-slate-700">
            {t.rich('toldAbout', { events: prompt.events.join(', '), list: (chunks) => <span className="break-words" dir="ltr">{chunks}</span> })}
          </p>
        ) : null}

        <div className={`mt-6 rounded-md border p-3 text-sm ${paid ? 'border-brand bg-slate-50' : 'border-slate-200'}`} data-testid="install-price">
          <p className="font-semibold text-slate-900">
            {t.rich('price', { price: priceText(marketplace, price.pricing, format), label: (chunks) => <span data-testid="install-price-label">{chunks}</span> })}
          </p>
          {price.example ? (
            <p className="mt-1 text-slate-700" data-testid="install-price-example">
              {t('priceExample', { calls: format.number(price.example.calls), cost: format.money(price.example.cents, price.pricing.priceCurrency) })}
            </p>
          ) : null}
          {paid && price.billedVia === 'stripe' && !price.blocked ? <p className="mt-1 text-slate-700">{t('billedStripe')}</p> : null}
          {paid && price.billedVia === 'operator' && !price.blocked ? <p className="mt-1 text-slate-700">{t('billedOperator')}</p> : null}
        </div>

        <p className="mt-6 text-sm text-slate-700">{t.rich('nextHost', { host: prompt.landingHost, strong: (chunks) => <strong className="break-all" dir="ltr">{chunks}</strong> })}</p>

        {price.blocked ? (
          <div className="mt-6 flex flex-col gap-3">
            <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="install-blocked">
              {translate(price.blocked.message)}
            </p>
            <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
              <Link href={`/apps/${app.slug}`} className={buttonClass('secondary')}>
                {t('backToApp')}
              </Link>
              {price.blocked.code === 'subscription_required' ? (
                <Link href="/settings/billing" className={buttonClass('primary')}>
                  {t('goToBilling')}
                </Link>
              ) : null}
            </div>
          </div>
        ) : (
        <form method="post" action="/api/app/marketplace/installs" aria-label={t('formLabel', { app: app.name })} className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <input type="hidden" name="slug" value={app.slug} />
          <input type="hidden" name="versionId" value={prompt.version.id} />
          <Link href={`/apps/${app.slug}`} className={buttonClass('secondary')}>
            {t('cancel')}
          </Link>
          <button type="submit" className={buttonClass('primary')} data-testid="install-confirm">
            {reconsent ? (paid ? t('allowPayUpdate') : t('allowUpdate')) : paid ? t('installPay') : t('install')}
          </button>
        </form>
        )}

        <p className="mt-6 text-xs text-slate-600">{t('madeBy', { app: app.name, partner: app.partnerName, workspace: tenant.name })}</p>
      </div>
    </section>
  );
}
