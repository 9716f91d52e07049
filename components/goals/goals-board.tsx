'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Plus, SearchX, Target } from 'lucide-react';
import { useState } from 'react';
import { FilterSelect, Pager, replaceQuery, SearchBox } from '@/components/lists/list-controls';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { toast } from '@/components/ui/toaster';
import { capitalize, term, type Terminology } from '@/lib/branding/terminology';
import type { GoalPage } from '@/lib/goals/goal-schema';
import { CreateGoalForm, type TeamOption } from './create-goal-form';
import { GoalCard } from './goal-card';
import { fetchGoalPage, goalKeys, type GoalFilters } from './goal-requests';

export const DEFAULT_GOAL_FILTERS: GoalFilters = { q: '', status: 'active', team: '', assignee: '', due: '', sort: 'due', page: 1 };

interface Props {
  terminology: Terminology;
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
export function GoalsBoard({ terminology, filters: initialFilters, initial, teams, viewer, canWrite, newForTeam }: Props) {
  const [filters, setFilters] = useState(initialFilters);
  const [creating, setCreating] = useState(newForTeam !== undefined && canWrite);
  const { data, isFetching } = useQuery({
    queryKey: goalKeys.page(filters),
    queryFn: () => fetchGoalPage(filters),
    initialData: filters === initialFilters ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const goal = term(terminology, 'goal');
  const plural = term(terminology, 'goals');
  const team = term(terminology, 'team');

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
        <Plus aria-hidden /> {`New ${goal}`}
      </Button>
    </DialogTrigger>
  ) : null;

  return (
    <Dialog open={creating} onOpenChange={setCreating}>
      <PageHeader
        title={capitalize(plural)}
        description={`Your own ${plural} and those of your ${term(terminology, 'teams')}.`}
        actions={newButton}
      />
      {canWrite ? (
        <DialogContent
          side="right"
          title={`New ${goal}`}
          description={`Personal ${plural} are yours alone; ${team} ${plural} are shared with the ${team}.`}
        >
          <CreateGoalForm
            terminology={terminology}
            teams={teams.filter((t) => t.canAdd)}
            viewer={viewer}
            defaultTeamId={newForTeam || undefined}
            onCreated={(created) => {
              setCreating(false);
              toast.success(`Created “${created.title}”.`);
            }}
          />
        </DialogContent>
      ) : null}

      <section aria-label={capitalize(plural)} className="flex flex-col gap-4">
        <div className="flex flex-col gap-3">
          <SearchBox label={`Search ${plural}`} value={filters.q} onChange={(q) => change({ q })} />
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
            <FilterSelect
              label="Status"
              value={filters.status}
              onChange={(status) => change({ status: status as GoalFilters['status'] })}
              options={[
                { value: 'active', label: 'Active' },
                { value: 'completed', label: 'Completed' },
                { value: 'archived', label: 'Archived' },
                { value: 'all', label: 'All' },
              ]}
            />
            <FilterSelect
              label={capitalize(team)}
              value={filters.team}
              onChange={(value) => change({ team: value })}
              options={[{ value: '', label: `All ${term(terminology, 'teams')}` }, { value: 'personal', label: 'Personal only' }, ...teams.map((t) => ({ value: t.id, label: t.name }))]}
            />
            <FilterSelect
              label="Assignee"
              value={filters.assignee}
              onChange={(assignee) => change({ assignee })}
              options={[
                { value: '', label: 'Anyone' },
                { value: 'me', label: 'Assigned to me' },
              ]}
            />
            <FilterSelect
              label="Due"
              value={filters.due}
              onChange={(due) => change({ due: due as GoalFilters['due'] })}
              options={[
                { value: '', label: 'Any time' },
                { value: 'overdue', label: 'Overdue' },
                { value: 'week', label: 'Next 7 days' },
                { value: 'month', label: 'Next 30 days' },
                { value: 'none', label: 'No target date' },
              ]}
            />
            <FilterSelect
              label="Sort by"
              value={filters.sort}
              onChange={(sort) => change({ sort: sort as GoalFilters['sort'] })}
              options={[
                { value: 'due', label: 'Target date' },
                { value: 'updated', label: 'Recently updated' },
                { value: 'newest', label: 'Newest' },
                { value: 'oldest', label: 'Oldest' },
                { value: 'title', label: 'Title' },
                { value: 'progress', label: 'Progress' },
              ]}
            />
          </div>
        </div>

        <p className="sr-only" role="status">
          {isFetching ? 'Loading…' : `${data?.total ?? 0} ${plural} found.`}
        </p>

        {data && data.goals.length ? (
          <ul aria-label={`${capitalize(plural)} list`} className={`flex flex-col gap-3 ${isFetching ? 'opacity-70' : ''}`}>
            {data.goals.map((g) => (
              <GoalCard key={g.id} goal={g} terminology={terminology} />
            ))}
          </ul>
        ) : filtered ? (
          <EmptyState
            icon={SearchX}
            title={`No ${plural} match`}
            description="Try other words or fewer filters."
            action={
              <Button variant="secondary" onClick={() => change({ ...DEFAULT_GOAL_FILTERS })}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={Target}
            title={`No ${plural} yet`}
            description={canWrite ? `Set a ${goal} for yourself or your ${team}, and track its progress here.` : `${capitalize(plural)} shared with your ${term(terminology, 'teams')} will show here.`}
            action={
              canWrite ? (
                <Button onClick={() => setCreating(true)}>
                  <Plus aria-hidden /> {`Create your first ${goal}`}
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
