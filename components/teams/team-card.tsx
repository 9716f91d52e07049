import Link from 'next/link';
import type { TeamSummary } from '@/lib/teams/team-schema';
import { MembershipButtons } from './membership-buttons';
import { PENDING_PREFIX } from './team-optimistic';
import { TeamBadges } from './team-badges';

/** One team in the list: name (a link once saved), description, badges and the join/leave control. */
export function TeamCard({ team, viewerId }: { team: TeamSummary; viewerId: string }) {
  const pending = team.id.startsWith(PENDING_PREFIX);
  return (
    <li className="flex flex-wrap items-start justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-busy={pending || undefined}>
      <div className="min-w-0 flex-1">
        <h3 className="text-base font-semibold text-slate-900">
          {pending ? (
            team.name
          ) : (
            <Link href={`/teams/${team.id}`} className="rounded-sm hover:text-brand-text hover:underline">
              {team.name}
            </Link>
          )}
        </h3>
        {team.description ? <p className="mt-1 text-sm text-slate-600">{team.description}</p> : null}
        <TeamBadges team={team} className="mt-2" />
      </div>
      <MembershipButtons team={team} viewerId={viewerId} />
    </li>
  );
}
