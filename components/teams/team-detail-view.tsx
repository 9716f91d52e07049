'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { GoalSummary } from '@/lib/goals/goal-schema';
import type { TeamDetail } from '@/lib/teams/team-schema';
import { AddMemberForm, type Person } from './add-member-form';
import { JoinRequestsPanel } from './join-requests-panel';
import { MembershipButtons } from './membership-buttons';
import { TeamBadges } from './team-badges';
import { TeamGoals } from './team-goals';
import { TeamMembers } from './team-members';
import { fetchTeam, teamKeys } from './team-requests';
import { TeamSettingsForm } from './team-settings-form';

interface Props {
  initial: TeamDetail;
  viewerId: string;
  /** Workspace members the viewer may add (empty unless they may add members). */
  people: Person[];
  /** The team's goals; null when the viewer may not see them. */
  goals: GoalSummary[] | null;
  canCreateGoals: boolean;
  /** The team's statistics (components/leaderboards/team-stats-panel.tsx). */
  statistics?: ReactNode;
}

/** A team's page: who is in it, requests to join, adding people, settings and its goals. */
export function TeamDetailView({ initial, viewerId, people, goals, canCreateGoals, statistics }: Props) {
  const router = useRouter();
  const { data: team } = useQuery({ queryKey: teamKeys.detail(initial.id), queryFn: () => fetchTeam(initial.id), initialData: initial });
  const t = useTranslations('teamDetail');

  return (
    <article className="flex flex-col gap-6">
      <nav aria-label={t('breadcrumb')} className="text-sm">
        <Link href="/teams" className="font-medium text-brand-text underline">
          {t('allTeams')}
        </Link>
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <h1 className="text-3xl font-bold text-slate-900">{team.name}</h1>
          {team.description ? <p className="mt-2 max-w-3xl text-slate-700">{team.description}</p> : null}
          <TeamBadges team={team} className="mt-3" />
        </div>
        {/* A private team disappears for someone who leaves it (unless admin): back to the list. */}
        <MembershipButtons team={team} viewerId={viewerId} onLeft={team.visibility === 'private' && !team.access.canEdit ? () => router.push('/teams') : undefined} />
      </header>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <TeamMembers team={team} viewerId={viewerId} />
        <div className="flex flex-col gap-6">
          <JoinRequestsPanel team={team} />
          {team.access.canAddMembers ? <AddMemberForm team={team} people={people} /> : null}
        </div>
      </div>

      {statistics}

      {team.access.canSeeGoals ? (
        <TeamGoals teamId={team.id} initial={goals} canCreate={canCreateGoals} />
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">{t('joinToSee')}</p>
      )}

      {team.access.canEdit ? <TeamSettingsForm team={team} /> : null}
    </article>
  );
}
