'use client';

import { Button } from '@/components/ui/button';
import { term, type Terminology } from '@/lib/branding/terminology';
import type { TeamSummary } from '@/lib/teams/team-schema';
import { PENDING_PREFIX } from './team-optimistic';
import { useCancelJoinRequest, useJoinTeam, useLeaveTeam } from './use-team-mutations';

/** Join / Request to join / Cancel request / Leave, whichever applies to the viewer now. */
export function MembershipButtons({ team, terminology, viewerId, onLeft }: { team: TeamSummary; terminology: Terminology; viewerId: string; onLeft?: () => void }) {
  const join = useJoinTeam(team.id);
  const leave = useLeaveTeam(team.id, viewerId);
  const cancel = useCancelJoinRequest(team.id);
  const word = term(terminology, 'team');
  const error = join.error ?? leave.error ?? cancel.error;
  const busy = join.isPending || leave.isPending || cancel.isPending;
  if (team.id.startsWith(PENDING_PREFIX)) return null;

  let control = null;
  if (team.myRole && team.access.canLeave) {
    control = (
      <Button type="button" variant="secondary" disabled={busy} onClick={() => leave.mutate(undefined, { onSuccess: onLeft })}>
        {`Leave ${word}`}
      </Button>
    );
  } else if (team.myPendingRequestId) {
    const requestId = team.myPendingRequestId;
    control = (
      <>
        <span className="text-sm text-slate-600">Request pending</span>
        <Button type="button" variant="ghost" disabled={busy || requestId.startsWith(PENDING_PREFIX)} onClick={() => cancel.mutate(requestId)}>
          Cancel request
        </Button>
      </>
    );
  } else if (team.access.joinAction === 'join') {
    control = (
      <Button type="button" disabled={busy} onClick={() => join.mutate(undefined)}>
        {`Join ${word}`}
      </Button>
    );
  } else if (team.access.joinAction === 'request') {
    control = (
      <Button type="button" disabled={busy} onClick={() => join.mutate(undefined)}>
        Request to join
      </Button>
    );
  }
  if (!control && !error) return null;

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">{control}</div>
      {error ? (
        <p role="alert" className="max-w-xs text-right text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
