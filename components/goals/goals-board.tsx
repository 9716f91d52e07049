'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { term, type Terminology } from '@/lib/branding/terminology';
import type { GoalSummary } from '@/lib/goals/goal-schema';
import { CreateGoalForm, type TeamOption } from './create-goal-form';
import { GoalCard } from './goal-card';
import { fetchGoals, goalKeys, type StatusFilter } from './goal-requests';

const FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'completed', label: 'Completed' },
  { value: 'archived', label: 'Archived' },
  { value: 'all', label: 'All' },
];

interface Props {
  terminology: Terminology;
  status: StatusFilter;
  initial: GoalSummary[];
  teams: TeamOption[];
  viewer: { userId: string; name: string };
  canWrite: boolean;
  defaultTeamId?: string;
}

/** The member's goals and their teams' goals, filtered by status, with a form for a new one. */
export function GoalsBoard({ terminology, status, initial, teams, viewer, canWrite, defaultTeamId }: Props) {
  const { data: goals } = useQuery({ queryKey: goalKeys.list(status), queryFn: () => fetchGoals({ status }), initialData: initial });
  const goal = term(terminology, 'goal');
  const plural = term(terminology, 'goals');
  const heading = status === 'all' ? `All ${plural}` : `${FILTERS.find((f) => f.value === status)?.label} ${plural}`;

  return (
    <div className="flex flex-col gap-8">
      {canWrite ? (
        <Card title={`New ${goal}`} description={`Personal ${plural} are yours alone; ${term(terminology, 'team')} ${plural} are shared with the ${term(terminology, 'team')}.`}>
          <CreateGoalForm terminology={terminology} teams={teams} viewer={viewer} defaultTeamId={defaultTeamId} />
        </Card>
      ) : null}

      <section aria-labelledby="goal-list-heading" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="goal-list-heading" className="text-lg font-semibold text-slate-900">
            {heading}
          </h2>
          <nav aria-label="Filter by status">
            <ul className="flex gap-1 rounded-lg bg-slate-100 p-1 text-sm font-medium">
              {FILTERS.map((filter) => (
                <li key={filter.value}>
                  <Link
                    href={filter.value === 'active' ? '/goals' : `/goals?status=${filter.value}`}
                    aria-current={filter.value === status ? 'page' : undefined}
                    className={`block rounded-md px-3 py-1.5 ${filter.value === status ? 'bg-white text-brand-text shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}
                  >
                    {filter.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        {goals.length ? (
          <ul aria-label={heading} className="flex flex-col gap-3">
            {goals.map((g) => (
              <GoalCard key={g.id} goal={g} terminology={terminology} />
            ))}
          </ul>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
            {status === 'active' && canWrite ? `No active ${plural}. Create one above.` : `No ${plural} here.`}
          </p>
        )}
      </section>
    </div>
  );
}
