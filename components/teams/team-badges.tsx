import type { TeamSummary } from '@/lib/teams/team-schema';

const badge = 'rounded-full px-2 py-0.5 text-xs font-medium';

/** Member count, the viewer's role, and how the team is joined. */
export function TeamBadges({ team, className = '' }: { team: TeamSummary; className?: string }) {
  return (
    <p className={`flex flex-wrap gap-2 ${className}`}>
      <span className={`${badge} bg-slate-100 text-slate-700`}>
        {team.memberCount} {team.memberCount === 1 ? 'member' : 'members'}
      </span>
      {team.myRole ? <span className={`${badge} bg-brand/10 text-brand-text`}>{team.myRole === 'lead' ? 'You lead it' : 'You are a member'}</span> : null}
      {team.visibility === 'private' ? <span className={`${badge} bg-amber-100 text-amber-900`}>Private</span> : null}
      {team.visibility === 'public' && team.joinApprovalRequired ? <span className={`${badge} bg-slate-100 text-slate-700`}>Approval required</span> : null}
      {team.memberCanInvite ? <span className={`${badge} bg-slate-100 text-slate-700`}>Members can add people</span> : null}
    </p>
  );
}
