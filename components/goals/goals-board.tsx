'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Plus, SearchX, Target } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FilterSelect, Pager, replaceQuery, SearchBox } from '@/components/lists/list-controls';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { toast } from '@/components/ui/toaster';
import { useFormat } from '@/lib/format/format-context';
import type { GoalPage } from '@/lib/goals/goal-schema';
import { CreateGoalForm, type TeamOption } from './create-goal-form';
import { GoalCard } from './goal-card';
import { fetchGoalPage, goalKeys, type GoalFilters } from './goal-requests';

export const DEFAULT_GOAL_FILTERS: GoalFilters = { q: '', status: 'active', team: '', assignee: '', due: '', sort: 'due', page: 1 };

interface Props {
  filters: GoalFilters;
  initial: GoalPage;
  /** Teams whose goals the viewer sees (filter), and those they can add goals to (new goal). */
  teams: TeamOption[];
  viewer: { userId: string; name: string };
  canWrite: boolean;
  /** Opens the new-goal dialog at once ('' personal, or this team chosen: the team page's "New team goal"). */
  newForTeam?: string;
}

/** The member's goals and their teams' goals: search, filters, sort and pages; new goals in a dialog. */
export function GoalsBoard({ filters: initialFilters, initial, teams, viewer, canWrite, newForTeam }: Props) {
  const [filters, setFilters] = useState(initialFilters);
  const [creating, setCreating] = useState(newForTeam !== undefined && canWrite);
  const { data, isFetching } = useQuery({
    queryKey: goalKeys.page(filters),
    queryFn: () => fetchGoalPage(filters),
    initialData: filters === initialFilters ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const t = useTranslations('goals');
  const fmt = useFormat();

  // From the current filters, not this render's: the search box calls back after a pause, by
  // which time another filter may have changed. (replaceQuery is idempotent, so a second call
  // of the updater in development changes nothing.)
  function change(patch: Partial<GoalFilters>) {
    setFilters((current) => {
      const next = { ...current, page: 1, ...patch };
      replaceQuery({ ...next }, { ...DEFAULT_GOAL_FILTERS });
      return next;
    });
  }

  const filtered = filters.q !== '' || filters.team !== '' || filters.assignee !== '' || filters.due !== '' || filters.status !== 'active';
  const newButton = canWrite ? (
    <DialogTrigger asChild>
      <Button>
        <Plus aria-hidden /> {t('newGoal')}
      </Button>
    </DialogTrigger>
  ) : null;

  return (
    <Dialog open={creating} onOpenChange={setCreating}>
      <PageHeader title={t('title')} description={t('description')} actions={newButton} />
      {canWrite ? (
        <DialogContent side="right" title={t('newGoal')} description={t('dialogDescription')}>
          <CreateGoalForm
            teams={teams.filter((team) => team.canAdd)}
            viewer={viewer}
            defaultTeamId={newForTeam || undefined}
            onCreated={(created) => {
              setCreating(false);
              toast.success(t('created', { title: created.title }));
            }}
          />
        </DialogContent>
      ) : null}

      <section aria-label={t('title')} className="flex flex-col gap-4">
        <div className="flex flex-col gap-3">
          <SearchBox label={t('search')} value={filters.q} onChange={(q) => change({ q })} />
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
            <FilterSelect
              label={t('filters.status')}
              value={filters.status}
              onChange={(status) => change({ status: status as GoalFilters['status'] })}
              options={[
                { value: 'active', label: t('status.active') },
                { value: 'completed', label: t('status.completed') },
                { value: 'archived', label: t('status.archived') },
                { value: 'all', label: t('filters.all') },
              ]}
            />
            <FilterSelect
              label={t('filters.team')}
              value={filters.team}
              onChange={(value) => change({ team: value })}
              options={[{ value: '', label: t('filters.allTeams') }, { value: 'personal', label: t('filters.personalOnly') }, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
            />
            <FilterSelect
              label={t('filters.assignee')}
              value={filters.assignee}
              onChange={(assignee) => change({ assignee })}
              options={[
                { value: '', label: t('filters.anyone') },
                { value: 'me', label: t('filters.assignedToMe') },
              ]}
            />
            <FilterSelect
              label={t('filters.due')}
              value={filters.due}
              onChange={(due) => change({ due: due as GoalFilters['due'] })}
              options={[
                { value: '', label: t('filters.anyTime') },
                { value: 'overdue', label: t('filters.overdue') },
                { value: 'week', label: t('filters.nextWeek') },
                { value: 'month', label: t('filters.nextMonth') },
                { value: 'none', label: t('filters.noTargetDate') },
              ]}
            />
            <FilterSelect
              label={t('filters.sort')}
              value={filters.sort}
              onChange={(sort) => change({ sort: sort as GoalFilters['sort'] })}
              options={[
                { value: 'due', label: t('filters.sortDue') },
                { value: 'updated', label: t('filters.sortUpdated') },
                { value: 'newest', label: t('filters.sortNewest') },
                { value: 'oldest', label: t('filters.sortOldest') },
                { value: 'title', label: t('filters.sortTitle') },
                { value: 'progress', label: t('filters.sortProgress') },
              ]}
            />
          </div>
        </div>

        <p className="sr-only" role="status">
          {isFetching ? t('loading') : t('found', { count: data?.total ?? 0, n: fmt.number(data?.total ?? 0) })}
        </p>

        {data && data.goals.length ? (
          <ul aria-label={t('listLabel')} className={`flex flex-col gap-3 ${isFetching ? 'opacity-70' : ''}`}>
            {data.goals.map((g) => (
              <GoalCard key={g.id} goal={g} />
            ))}
          </ul>
        ) : filtered ? (
          <EmptyState
            icon={SearchX}
            title={t('noMatch')}
            description={t('noMatchHint')}
            action={
              <Button variant="secondary" onClick={() => change({ ...DEFAULT_GOAL_FILTERS })}>
                {t('clearFilters')}
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={Target}
            title={t('emptyTitle')}
            description={canWrite ? t('emptyWriter') : t('emptyReader')}
            action={
              canWrite ? (
                <Button onClick={() => setCreating(true)}>
                  <Plus aria-hidden /> {t('createFirst')}
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
