import type { Metadata } from 'next';
import Link from 'next/link';
import { Store } from 'lucide-react';
import { AppGrid } from '@/components/marketplace/app-card';
import { MarketplaceSearch } from '@/components/marketplace/marketplace-search';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { browseApps, marketplaceHome, type AppCard, type CategoryCount } from '@/lib/marketplace/discovery';
import { requireMember } from '@/lib/members/require-member';
import { term } from '@/lib/branding/terminology';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata({ params }: { params: Promise<{ tenant: string }> }): Promise<Metadata> {
  const tenant = await requireTenant((await params).tenant);
  return { title: term(tenant.branding.terminology, 'apps', true) };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

function Row({ title, apps, empty }: { title: string; apps: AppCard[]; empty?: string }) {
  if (apps.length === 0 && !empty) return null;
  const id = `row-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {apps.length ? <AppGrid apps={apps} label={title} /> : <p className="text-sm text-slate-600">{empty}</p>}
    </section>
  );
}

function Categories({ categories, current }: { categories: CategoryCount[]; current: string | null }) {
  return (
    <nav aria-label="Categories">
      <ul className="flex flex-wrap gap-2">
        {categories.map((category) => (
          <li key={category.id}>
            <Link
              href={`/apps?category=${category.id}`}
              aria-current={current === category.id ? 'page' : undefined}
              className={`inline-flex rounded-full border px-3 py-1 text-sm ${current === category.id ? 'border-brand bg-brand/10 font-semibold text-brand-text' : 'border-slate-300 bg-white text-slate-700 hover:border-brand'}`}
            >
              {category.label}
              <span className="ml-1 text-slate-600">({category.count})</span>
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
  const query = await searchParams;
  const q = one(query.q)?.slice(0, 200) ?? '';
  const category = one(query.category) ?? '';
  const header = <PageHeader title={term(tenant.branding.terminology, 'apps', true)} description={`Apps that work with ${tenant.name}. Admins install them for the whole workspace.`} />;

  if (q.trim() || category) {
    const { apps, category: current, categories } = await browseApps(tenant, { q, category });
    const what = q.trim() ? `“${q.trim()}”${current ? ` in ${current.label}` : ''}` : (current?.label ?? 'all apps');
    return (
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 sm:px-6">
        {header}
        <MarketplaceSearch q={q} category={current?.id ?? ''} categories={categories} />
        <Categories categories={categories} current={current?.id ?? null} />
        <section aria-labelledby="results" className="flex flex-col gap-3">
          <h2 id="results" className="text-lg font-semibold text-slate-900" data-testid="results-title">
            {apps.length} {apps.length === 1 ? 'app' : 'apps'} for {what}
          </h2>
          {apps.length ? <AppGrid apps={apps} label="Results" /> : <EmptyState icon={Store} title="No apps match" description="Try other words, or browse a category." action={<Link href="/apps" className="font-medium text-brand-text underline">All apps</Link>} />}
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
        <EmptyState icon={Store} title="The marketplace is turned off" description={`${tenant.name}'s admins hid the marketplace. Apps already installed keep working.`} />
      ) : (
        <>
          <MarketplaceSearch q="" category="" categories={home.categories} />
          <Categories categories={home.categories} current={null} />
          <Row title="Your sandbox apps" apps={home.sandbox} />
          <Row title="Built-in integrations" apps={home.builtIn} />
          {home.builtIn.length ? (
            <p className="-mt-5 text-sm">
              <Link href="/integrations" className="font-medium text-brand-text underline">
                Your integrations and connections
              </Link>
            </p>
          ) : null}
          <Row title="Featured" apps={home.featured} />
          <Row title="Trending" apps={home.trending} />
          <Row title="Newest" apps={home.newest} empty="No apps are published here yet." />
        </>
      )}
    </div>
  );
}
