import type { Metadata } from 'next';
import Link from 'next/link';
import { Store } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { AppGrid } from '@/components/marketplace/app-card';
import { categoryText } from '@/components/marketplace/category-text';
import { MarketplaceSearch } from '@/components/marketplace/marketplace-search';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { browseApps, marketplaceHome, type AppCard, type CategoryCount } from '@/lib/marketplace/discovery';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('marketplace');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

function Row({ id, title, apps, empty }: { id: string; title: string; apps: AppCard[]; empty?: string }) {
  if (apps.length === 0 && !empty) return null;
  const headingId = `row-${id}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {apps.length ? <AppGrid apps={apps} label={title} /> : <p className="text-sm text-slate-600">{empty}</p>}
    </section>
  );
}

async function Categories({ categories, current }: { categories: CategoryCount[]; current: string | null }) {
  const t = await getTranslations('marketplace');
  return (
    <nav aria-label={t('categoriesLabel')}>
      <ul className="flex flex-wrap gap-2">
        {categories.map((category) => (
          <li key={category.id}>
            <Link
              href={`/apps?category=${category.id}`}
              aria-current={current === category.id ? 'page' : undefined}
              className={`inline-flex rounded-full border px-3 py-1 text-sm ${current === category.id ? 'border-brand bg-brand/10 font-semibold text-brand-text' : 'border-slate-300 bg-white text-slate-700 hover:border-brand'}`}
            >
              {t.rich('categoryChip', { label: categoryText(t, category.id), count: category.count, muted: (chunks) => <span className="ms-1 text-slate-600">{chunks}</span> })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The workspace's marketplace: search, categories, and the featured, trending and newest rows
 * (or, with a query or a category, the results). Every member browses; admins install.
 */
export default async function AppsPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const tenant = await requireTenant((await params).tenant);
  await requireMember(tenant);
  const t = await getTranslations('marketplace');
  const query = await searchParams;
  const q = one(query.q)?.slice(0, 200) ?? '';
  const category = one(query.category) ?? '';
  const header = <PageHeader title={t('title')} description={t('description', { workspace: tenant.name })} />;

  if (q.trim() || category) {
    const { apps, category: current, categories } = await browseApps(tenant, { q, category });
    const currentLabel = current ? categoryText(t, current.id) : null;
    const title = q.trim()
      ? currentLabel
        ? t('results.queryInCategory', { count: apps.length, query: q.trim(), category: currentLabel })
        : t('results.query', { count: apps.length, query: q.trim() })
      : currentLabel
        ? t('results.category', { count: apps.length, category: currentLabel })
        : t('results.all', { count: apps.length });
    return (
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 sm:px-6">
        {header}
        <MarketplaceSearch q={q} category={current?.id ?? ''} categories={categories} />
        <Categories categories={categories} current={current?.id ?? null} />
        <section aria-labelledby="results" className="flex flex-col gap-3">
          <h2 id="results" className="text-lg font-semibold text-slate-900" data-testid="results-title">
            {title}
          </h2>
          {apps.length ? (
            <AppGrid apps={apps} label={t('results.label')} />
          ) : (
            <EmptyState
              icon={Store}
              title={t('results.emptyTitle')}
              description={t('results.emptyDescription')}
              action={
                <Link href="/apps" className="font-medium text-brand-text underline">
                  {t('results.allApps')}
                </Link>
              }
            />
          )}
        </section>
      </div>
    );
  }

  const home = await marketplaceHome(tenant);
  const nothing = home.mode === 'hidden' && home.sandbox.length === 0;
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8 px-4 py-8 sm:px-6">
      {header}
      {nothing ? (
        <EmptyState icon={Store} title={t('hiddenTitle')} description={t('hiddenDescription', { workspace: tenant.name })} />
      ) : (
        <>
          <MarketplaceSearch q="" category="" categories={home.categories} />
          <Categories categories={home.categories} current={null} />
          <Row id="your-sandbox-apps" title={t('rows.sandbox')} apps={home.sandbox} />
          <Row id="built-in-integrations" title={t('rows.builtIn')} apps={home.builtIn} />
          {home.builtIn.length ? (
            <p className="-mt-5 text-sm">
              <Link href="/integrations" className="font-medium text-brand-text underline">
                {t('rows.yourIntegrations')}
              </Link>
            </p>
          ) : null}
          <Row id="featured" title={t('rows.featured')} apps={home.featured} />
          <Row id="trending" title={t('rows.trending')} apps={home.trending} />
          <Row id="newest" title={t('rows.newest')} apps={home.newest} empty={t('rows.newestEmpty')} />
        </>
      )}
    </div>
  );
}
