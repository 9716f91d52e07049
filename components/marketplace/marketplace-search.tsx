import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import type { CategoryCount } from '@/lib/marketplace/discovery';
import { categoryText } from './category-text';

/** The marketplace's search: a plain GET form (works without JavaScript; the URL keeps the query). */
export function MarketplaceSearch({ q, category, categories }: { q: string; category: string; categories: CategoryCount[] }) {
  const t = useTranslations('marketplace');
  return (
    <form method="get" action="/apps" role="search" aria-label={t('search.label')} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <label htmlFor="apps-q" className="text-sm font-medium text-slate-800">
          {t('search.label')}
        </label>
        <input id="apps-q" name="q" type="search" defaultValue={q} maxLength={200} placeholder={t('search.placeholder')} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="apps-category" className="text-sm font-medium text-slate-800">
          {t('search.category')}
        </label>
        <select id="apps-category" name="category" defaultValue={category} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm">
          <option value="">{t('search.allCategories')}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {categoryText(t, c.id)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass('primary')}>
        {t('search.submit')}
      </button>
    </form>
  );
}
