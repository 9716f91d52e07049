'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { TeamSummary } from '@/lib/teams/team-schema';
import { PENDING_PREFIX } from './team-optimistic';
import { useCancelJoinRequest, useJoinTeam, useLeaveTeam } from './use-team-mutations';

/** Join / Request to join / Cancel request / Leave, whichever applies to the viewer now. */
export function MembershipButtons({ team, viewerId, onLeft }: { team: TeamSummary; viewerId: string; onLeft?: () => void }) {
  const t = useTranslations('teams.membership');
  const join = useJoinTeam(team.id);
  const leave = useLeaveTeam(team.id, viewerId);
  const cancel = useCancelJoinRequest(team.id);
  const error = join.error ?? leave.error ?? cancel.error;
  const busy = join.isPending || leave.isPending || cancel.isPending;
  if (team.id.startsWith(PENDING_PREFIX)) return null;

  let control = null;
  if (team.myRole && team.access.canLeave) {
    control = (
      <Button type="button" variant="secondary" disabled={busy} onClick={() => leave.mutate(undefined, { onSuccess: onLeft })}>
        {t('leave')}
      </Button>
    );
  } else if (team.myPendingRequestId) {
    const requestId = team.myPendingRequestId;
    control = (
      <>
        <span className="text-sm text-slate-600">{t('pending')}</span>
        <Button type="button" variant="ghost" disabled={busy || requestId.startsWith(PENDING_PREFIX)} onClick={() => cancel.mutate(requestId)}>
          {t('cancelRequest')}
        </Button>
      </>
    );
  } else if (team.access.joinAction === 'join') {
    control = (
      <Button type="button" disabled={busy} onClick={() => join.mutate(undefined)}>
        {t('join')}
      </Button>
    );
  } else if (team.access.joinAction === 'request') {
    control = (
      <Button type="button" disabled={busy} onClick={() => join.mutate(undefined)}>
        {t('requestToJoin')}
      </Button>
    );
  }
  if (!control && !error) return null;

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">{control}</div>
      {error ? (
        <p role="alert" className="max-w-xs text-end text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
