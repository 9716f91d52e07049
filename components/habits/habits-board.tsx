'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Plus, Repeat, SearchX } from 'lucide-react';
import { useState } from 'react';
import { FilterSelect, Pager, replaceQuery, SearchBox } from '@/components/lists/list-controls';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { toast } from '@/components/ui/toaster';
import { capitalize, term, type Terminology } from '@/lib/branding/terminology';
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
  terminology,
  canWrite,
  description,
  openNew = false,
}: {
  initial: HabitPage;
  filters: HabitFilters;
  terminology: Terminology;
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
  const habit = term(terminology, 'habit');
  const plural = term(terminology, 'habits');

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
        title={`Your ${plural}`}
        description={description}
        actions={
          canWrite ? (
            <DialogTrigger asChild>
              <Button>
                <Plus aria-hidden /> {`New ${habit}`}
              </Button>
            </DialogTrigger>
          ) : null
        }
      />
      {canWrite ? (
        <DialogContent side="right" title={`New ${habit}`} description={`Pick how often you mean to do it; streaks count by that schedule.`}>
          <HabitForm
            label={`New ${habit}`}
            submitLabel={`Add ${habit}`}
            initial={EMPTY_HABIT}
            resetOnSuccess
            onSubmit={async (input) => {
              const created = await create.mutateAsync(input);
              setCreating(false);
              toast.success(`Added “${created.name}”.`);
              return created;
            }}
          />
        </DialogContent>
      ) : null}

      <section aria-label={capitalize(plural)} className="flex flex-col gap-4">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <SearchBox label={`Search ${plural}`} value={filters.q} onChange={(q) => change({ q })} className="sm:mb-0" />
          <div className="grid grid-cols-3 gap-2 sm:flex sm:flex-1 sm:justify-end">
            <FilterSelect
              label="Status"
              value={filters.status}
              onChange={(status) => change({ status: status as HabitFilters['status'] })}
              options={[
                { value: 'active', label: 'Active' },
                { value: 'archived', label: 'Archived' },
                { value: 'all', label: 'All' },
              ]}
            />
            <FilterSelect
              label="Today"
              value={filters.today}
              onChange={(today) => change({ today: today as HabitFilters['today'] })}
              options={[
                { value: '', label: 'Any' },
                { value: 'due', label: 'Still to do' },
                { value: 'done', label: 'Done' },
              ]}
            />
            <FilterSelect
              label="Sort by"
              value={filters.sort}
              onChange={(sort) => change({ sort: sort as HabitFilters['sort'] })}
              options={[
                { value: 'created', label: 'Oldest first' },
                { value: 'name', label: 'Name' },
                { value: 'streak', label: 'Streak' },
              ]}
            />
          </div>
        </div>

        <p className="sr-only" role="status">
          {isFetching ? 'Loading…' : `${data?.total ?? 0} ${plural} found.`}
        </p>

        {data && data.habits.length ? (
          <ul aria-label={`${capitalize(plural)} list`} className={`flex flex-col gap-3 ${isFetching ? 'opacity-70' : ''}`}>
            {data.habits.map((h) => (
              <HabitItem key={h.id} habit={h} canWrite={canWrite} />
            ))}
          </ul>
        ) : filtered ? (
          <EmptyState
            icon={SearchX}
            title={`No ${plural} match`}
            description="Try other words or fewer filters."
            action={
              <Button variant="secondary" onClick={() => change({ ...DEFAULT_HABIT_FILTERS })}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={Repeat}
            title={`No ${plural} yet`}
            description={canWrite ? `Start a ${habit}, log it each day, and watch your streak grow.` : `Your role can look but not add ${plural}.`}
            action={
              canWrite ? (
                <Button onClick={() => setCreating(true)}>
                  <Plus aria-hidden /> {`Create your first ${habit}`}
                </Button>
              ) : undefined
            }
          />
        )}
        {data ? <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => change({ page })} label={`${capitalize(plural)} pages`} /> : null}
      </section>
    </Dialog>
  );
}
