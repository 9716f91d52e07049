'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Plus, Repeat, SearchX } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FilterSelect, Pager, replaceQuery, SearchBox } from '@/components/lists/list-controls';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { toast } from '@/components/ui/toaster';
import type { Terminology } from '@/lib/branding/terminology';
import type { HabitPage } from '@/lib/habits/habit-schema';
import { EMPTY_HABIT, HabitForm } from './habit-form';
import { HabitItem } from './habit-item';
import { fetchHabitPage, habitKeys, type HabitFilters } from './habit-requests';
import { useCreateHabit } from './use-habit-mutations';

export const DEFAULT_HABIT_FILTERS: HabitFilters = { q: '', status: 'active', today: '', sort: 'created', page: 1 };

/** The member's habits: search, filters, sort and pages; a new one in a side sheet. */
export function HabitsBoard({
  initial,
  filters: initialFilters,
  canWrite,
  description,
  openNew = false,
}: {
  initial: HabitPage;
  filters: HabitFilters;
  /** No longer read: the catalog speaks the workspace's words. Kept so callers need not change. */
  terminology?: Terminology;
  canWrite: boolean;
  description: string;
  /** ?new=1 (the dashboard's first-run links): the new-habit sheet is open on arrival. */
  openNew?: boolean;
}) {
  const [filters, setFilters] = useState(initialFilters);
  const [creating, setCreating] = useState(openNew && canWrite);
  const { data, isFetching } = useQuery({
    queryKey: habitKeys.page(filters),
    queryFn: () => fetchHabitPage(filters),
    initialData: filters === initialFilters ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const create = useCreateHabit();
  const t = useTranslations('habits');

  // From the current filters, not this render's: the search box calls back after a pause, by
  // which time another filter may have changed. (replaceQuery is idempotent, so a second call
  // of the updater in development changes nothing.)
  function change(patch: Partial<HabitFilters>) {
    setFilters((current) => {
      const next = { ...current, page: 1, ...patch };
      replaceQuery({ ...next }, { ...DEFAULT_HABIT_FILTERS });
      return next;
    });
  }

  const filtered = filters.q !== '' || filters.today !== '' || filters.status !== 'active';

  return (
    <Dialog open={creating} onOpenChange={setCreating}>
      <PageHeader
        title={t('title')}
        description={description}
        actions={
          canWrite ? (
            <DialogTrigger asChild>
              <Button>
                <Plus aria-hidden /> {t('new')}
              </Button>
            </DialogTrigger>
          ) : null
        }
      />
      {canWrite ? (
        <DialogContent side="right" title={t('new')} description={t('newDescription')}>
          <HabitForm
            label={t('new')}
            submitLabel={t('add')}
            initial={EMPTY_HABIT}
            resetOnSuccess
            onSubmit={async (input) => {
              const created = await create.mutateAsync(input);
              setCreating(false);
              toast.success(t('added', { name: created.name }));
              return created;
            }}
          />
        </DialogContent>
      ) : null}

      <section aria-label={t('sectionLabel')} className="flex flex-col gap-4">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <SearchBox label={t('search')} value={filters.q} onChange={(q) => change({ q })} className="sm:mb-0" />
          <div className="grid grid-cols-3 gap-2 sm:flex sm:flex-1 sm:justify-end">
            <FilterSelect
              label={t('filters.status')}
              value={filters.status}
              onChange={(status) => change({ status: status as HabitFilters['status'] })}
              options={[
                { value: 'active', label: t('filters.active') },
                { value: 'archived', label: t('filters.archived') },
                { value: 'all', label: t('filters.all') },
              ]}
            />
            <FilterSelect
              label={t('filters.today')}
              value={filters.today}
              onChange={(today) => change({ today: today as HabitFilters['today'] })}
              options={[
                { value: '', label: t('filters.any') },
                { value: 'due', label: t('filters.due') },
                { value: 'done', label: t('filters.done') },
              ]}
            />
            <FilterSelect
              label={t('filters.sort')}
              value={filters.sort}
              onChange={(sort) => change({ sort: sort as HabitFilters['sort'] })}
              options={[
                { value: 'created', label: t('filters.oldestFirst') },
                { value: 'name', label: t('filters.name') },
                { value: 'streak', label: t('filters.streak') },
              ]}
            />
          </div>
        </div>

        <p className="sr-only" role="status">
          {isFetching ? t('loading') : t('found', { count: data?.total ?? 0 })}
        </p>

        {data && data.habits.length ? (
          <ul aria-label={t('listLabel')} className={`flex flex-col gap-3 ${isFetching ? 'opacity-70' : ''}`}>
            {data.habits.map((h) => (
              <HabitItem key={h.id} habit={h} canWrite={canWrite} />
            ))}
          </ul>
        ) : filtered ? (
          <EmptyState
            icon={SearchX}
            title={t('empty.noMatchTitle')}
            description={t('empty.noMatchBody')}
            action={
              <Button variant="secondary" onClick={() => change({ ...DEFAULT_HABIT_FILTERS })}>
                {t('empty.clearFilters')}
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={Repeat}
            title={t('empty.noneTitle')}
            description={canWrite ? t('empty.noneBody') : t('empty.readOnlyBody')}
            action={
              canWrite ? (
                <Button onClick={() => setCreating(true)}>
                  <Plus aria-hidden /> {t('empty.createFirst')}
                </Button>
              ) : undefined
            }
          />
        )}
        {data ? <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => change({ page })} label={t('pagesLabel')} /> : null}
      </section>
    </Dialog>
  );
}
