import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { scopeDescriber } from '@/components/oauth/scope-description';
import { AppLogo, RatingText } from '@/components/marketplace/app-card';
import { AppRatings } from '@/components/marketplace/app-ratings';
import { categoryText } from '@/components/marketplace/category-text';
import { PriceLabel } from '@/components/marketplace/price-label';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { FormattedDate } from '@/components/ui/formatted';
import { AppError } from '@/lib/http/problem';
import { appListing } from '@/lib/marketplace/discovery';
import { workspaceReviews } from '@/lib/marketplace/ratings';
import { isReservedAppSlug } from '@/lib/marketplace/reserved-slugs';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('marketplace.listing');
  return { title: t('title') };
}

const safeLink = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

/** One app's listing: what it does, what it asks for, who makes it; Install for admins. */
export default async function AppListingPage({ params }: { params: Promise<{ tenant: string; slug: string }> }) {
  const { tenant: slug0, slug } = await params;
  // A built-in integration's address (reserved: no partner app has it) goes to its own page.
  if (isReservedAppSlug(slug)) redirect(`/integrations/${slug}`);
  const tenant = await requireTenant(slug0);
  const member = await requireMember(tenant);
  const listing = await appListing(tenant, member, slug).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const { card } = listing;
  const reviews = await workspaceReviews(tenant, member, card.id);
  const admin = can(member.role, 'integrations.manage');
  const t = await getTranslations('marketplace');
  const describeScope = await scopeDescriber();
  const links = [
    [t('listing.website'), listing.links.website],
    [t('listing.documentation'), listing.links.docs],
    [t('listing.support'), listing.links.support],
    [t('listing.privacy'), listing.links.privacy],
    [t('listing.terms'), listing.links.terms],
  ].flatMap(([label, url]) => (safeLink(url) ? [{ label: label!, url: safeLink(url)! }] : []));

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8 px-4 py-8 sm:px-6">
      <p className="text-sm">
        <Link href="/apps" className="font-medium text-brand-text underline">
          {t('listing.allApps')}
        </Link>
      </p>
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <AppLogo name={card.name} logoUrl={card.logoUrl} size={72} />
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-bold break-words text-slate-900" data-testid="app-name">
            {card.name}
          </h1>
          <p className="text-sm text-slate-600">{t('listing.by', { partner: card.partnerName })}</p>
          <p className="mt-2 break-words text-slate-800">{card.tagline}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <Link href={`/apps?category=${card.category}`} className="underline">
              {categoryText(t, card.category)}
            </Link>
            {listing.installation ? <Badge tone="success">{t('listing.installed')}</Badge> : null}
            {card.unpublished ? <Badge tone="warning">{t('listing.sandbox')}</Badge> : null}
            {listing.status === 'deprecated' ? <Badge tone="warning">{t('listing.deprecated')}</Badge> : null}
          </div>
        </div>
        <div className="flex shrink-0 flex-col gap-2 sm:items-end">
          {listing.installation ? (
            <>
              {admin && listing.needsReconsent ? (
                <Link href={`/apps/${card.slug}/install`} className={buttonClass('primary')}>
                  {t('listing.reviewPermissions')}
                </Link>
              ) : null}
              {admin ? (
                <Link href="/settings/installed-apps" className={buttonClass('secondary')}>
                  {t('listing.manage')}
                </Link>
              ) : null}
            </>
          ) : listing.installable ? (
            admin ? (
              <Link href={`/apps/${card.slug}/install`} className={buttonClass('primary')} data-testid="install-app">
                {t('listing.install')}
              </Link>
            ) : (
              <p className="max-w-56 text-sm text-slate-600">{t('listing.askAdmin', { workspace: tenant.name })}</p>
            )
          ) : null}
        </div>
      </header>

      <div className="grid gap-8 lg:grid-cols-[1fr_16rem]">
        <div className="flex min-w-0 flex-col gap-8">
          <section aria-labelledby="about">
            <h2 id="about" className="text-lg font-semibold text-slate-900">
              {t('listing.about')}
            </h2>
            <div className="prose-sm mt-2 max-w-none break-words text-slate-800 [&_a]:text-brand-text [&_a]:underline [&_li]:ms-5 [&_ol]:list-decimal [&_p]:my-2 [&_ul]:list-disc" dangerouslySetInnerHTML={{ __html: listing.descriptionHtml }} />
          </section>
          {listing.screenshots.length ? (
            <section aria-labelledby="screenshots">
              <h2 id="screenshots" className="text-lg font-semibold text-slate-900">
                {t('listing.screenshots')}
              </h2>
              <ul className="mt-2 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
                {listing.screenshots.map((src, i) => (
                  <li key={src}>
                    <img src={src} alt={t('listing.screenshotAlt', { app: card.name, number: i + 1 })} className="max-h-72 w-full rounded-md border border-slate-200 object-contain sm:w-auto" />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="permissions">
            <h2 id="permissions" className="text-lg font-semibold text-slate-900">
              {t('listing.permissions')}
            </h2>
            <ul className="mt-2 flex flex-col gap-3" data-testid="listing-scopes">
              {listing.scopes.map((scope) => (
                <li key={scope.scope} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                  <p className="font-medium text-slate-900">{describeScope(scope.scope, scope.description)}</p>
                  {scope.justification ? <p className="mt-1 text-slate-700">{t('listing.why', { justification: scope.justification })}</p> : null}
                </li>
              ))}
            </ul>
          </section>
          <AppRatings appId={card.id} appName={card.name} partnerName={card.partnerName} initial={reviews} />
        </div>
        <aside aria-label={t('listing.details')} className="flex flex-col gap-4 text-sm text-slate-700">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2">
            <dt className="text-slate-600">{t('listing.rating')}</dt>
            <dd>
              <RatingText rating={card.rating} />
            </dd>
            <dt className="text-slate-600">{t('listing.installs')}</dt>
            <dd>{card.installs}</dd>
            <dt className="text-slate-600">{t('listing.updated')}</dt>
            <dd>
              <FormattedDate value={listing.version.updatedAt} />
            </dd>
            <dt className="text-slate-600">{t('listing.version')}</dt>
            <dd>{listing.version.number}</dd>
            <dt className="text-slate-600">{t('listing.pricing')}</dt>
            <dd data-testid="listing-price">
              <PriceLabel pricing={listing.price} />
            </dd>
            <dt className="text-slate-600">{t('listing.developer')}</dt>
            <dd className="break-words">{card.partnerName}</dd>
          </dl>
          {links.length ? (
            <ul className="flex flex-col gap-1">
              {links.map((link) => (
                <li key={link.label}>
                  <a href={link.url} target="_blank" rel="noopener noreferrer nofollow" className="text-brand-text underline">
                    {link.label}
                    <span className="sr-only">{t('listing.newTab')}</span>
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
