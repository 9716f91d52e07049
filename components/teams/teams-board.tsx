'use client';

import { useQuery } from '@tanstack/react-query';
import { SearchX, Users } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { SearchBox } from '@/components/lists/list-controls';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { TeamSummary } from '@/lib/teams/team-schema';
import { CreateTeamForm } from './create-team-form';
import { TeamCard } from './team-card';
import { fetchTeams, teamKeys } from './team-requests';

interface Props {
  initial: TeamSummary[];
  viewerId: string;
  /** Lead choices for the create form; null when the viewer may not create teams. */
  leadCandidates: { userId: string; name: string }[] | null;
}

/** Teams the viewer can see: theirs first, then the others they could join. */
export function TeamsBoard({ initial, viewerId, leadCandidates }: Props) {
  const { data: teams } = useQuery({ queryKey: teamKeys.list, queryFn: fetchTeams, initialData: initial });
  const [search, setSearch] = useState('');
  const t = useTranslations('teams');
  // Every team the viewer can see is already here (one workspace's teams are few): search filters in place.
  const words = search.trim().toLowerCase();
  const shown = words ? teams.filter((t) => `${t.name} ${t.description ?? ''}`.toLowerCase().includes(words)) : teams;
  const mine = shown.filter((t) => t.myRole !== null);
  const others = shown.filter((t) => t.myRole === null);

  return (
    <div className="flex flex-col gap-8">
      {leadCandidates ? (
        <Card title={t('newTeam')}>
          <CreateTeamForm leadCandidates={leadCandidates} />
        </Card>
      ) : null}
      {teams.length === 0 ? (
        <EmptyState
          icon={Users}
          title={t('emptyTitle')}
          description={leadCandidates ? t('emptyAdmin') : t('emptyMember')}
        />
      ) : (
        <>
          <SearchBox label={t('search')} value={search} onChange={setSearch} />
          {words && shown.length === 0 ? (
            <EmptyState
              icon={SearchX}
              title={t('noMatch', { query: search.trim() })}
              action={
                <Button variant="secondary" onClick={() => setSearch('')}>
                  {t('clearSearch')}
                </Button>
              }
            />
          ) : (
            <>
              <TeamList id="your-teams-heading" title={t('yours')} teams={mine} empty={words ? t('noneOfYoursMatch') : t('notInAny')} viewerId={viewerId} />
              <TeamList id="other-teams-heading" title={t('others')} teams={others} empty={words ? t('noOthersMatch') : t('noOthers')} viewerId={viewerId} />
            </>
          )}
        </>
      )}
    </div>
  );
}

/** `id`: the heading's, fixed (a title in another script has no letters \w keeps). */
function TeamList({ id, title, teams, empty, viewerId }: { id: string; title: string; teams: TeamSummary[]; empty: string; viewerId: string }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {teams.length ? (
        <ul aria-label={title} className="flex flex-col gap-3">
          {teams.map((team) => (
            <TeamCard key={team.id} team={team} viewerId={viewerId} />
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">{empty}</p>
      )}
    </section>
  );
}
