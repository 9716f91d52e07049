'use client';

import { useQuery } from '@tanstack/react-query';
import { SearchX, Users } from 'lucide-react';
import { useState } from 'react';
import { SearchBox } from '@/components/lists/list-controls';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { term, type Terminology } from '@/lib/branding/terminology';
import type { TeamSummary } from '@/lib/teams/team-schema';
import { CreateTeamForm } from './create-team-form';
import { TeamCard } from './team-card';
import { fetchTeams, teamKeys } from './team-requests';

interface Props {
  initial: TeamSummary[];
  terminology: Terminology;
  viewerId: string;
  /** Lead choices for the create form; null when the viewer may not create teams. */
  leadCandidates: { userId: string; name: string }[] | null;
}

/** Teams the viewer can see: theirs first, then the others they could join. */
export function TeamsBoard({ initial, terminology, viewerId, leadCandidates }: Props) {
  const { data: teams } = useQuery({ queryKey: teamKeys.list, queryFn: fetchTeams, initialData: initial });
  const [search, setSearch] = useState('');
  const plural = term(terminology, 'teams');
  const team = term(terminology, 'team');
  // Every team the viewer can see is already here (one workspace's teams are few): search filters in place.
  const words = search.trim().toLowerCase();
  const shown = words ? teams.filter((t) => `${t.name} ${t.description ?? ''}`.toLowerCase().includes(words)) : teams;
  const mine = shown.filter((t) => t.myRole !== null);
  const others = shown.filter((t) => t.myRole === null);

  return (
    <div className="flex flex-col gap-8">
      {leadCandidates ? (
        <Card title={`New ${team}`}>
          <CreateTeamForm terminology={terminology} leadCandidates={leadCandidates} />
        </Card>
      ) : null}
      {teams.length === 0 ? (
        <EmptyState
          icon={Users}
          title={`No ${plural} yet`}
          description={
            leadCandidates
              ? `Create the first ${team} above: ${plural} share ${term(terminology, 'goals')} and see each other's progress.`
              : `When an admin creates ${plural}, you can join them here.`
          }
        />
      ) : (
        <>
          <SearchBox label={`Search ${plural}`} value={search} onChange={setSearch} />
          {words && shown.length === 0 ? (
            <EmptyState
              icon={SearchX}
              title={`No ${plural} match “${search.trim()}”`}
              action={
                <Button variant="secondary" onClick={() => setSearch('')}>
                  Clear search
                </Button>
              }
            />
          ) : (
            <>
              <TeamList title={`Your ${plural}`} teams={mine} empty={words ? `None of your ${plural} match.` : `You are not in any ${plural} yet.`} terminology={terminology} viewerId={viewerId} />
              <TeamList title={`Other ${plural}`} teams={others} empty={words ? `No other ${plural} match.` : `No other ${plural} to join.`} terminology={terminology} viewerId={viewerId} />
            </>
          )}
        </>
      )}
    </div>
  );
}

function TeamList({ title, teams, empty, terminology, viewerId }: { title: string; teams: TeamSummary[]; empty: string; terminology: Terminology; viewerId: string }) {
  const id = `${title.replace(/\W+/g, '-').toLowerCase()}-heading`;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {teams.length ? (
        <ul aria-label={title} className="flex flex-col gap-3">
          {teams.map((team) => (
            <TeamCard key={team.id} team={team} terminology={terminology} viewerId={viewerId} />
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">{empty}</p>
      )}
    </section>
  );
}
