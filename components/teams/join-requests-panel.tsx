'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { useFormat } from '@/lib/format/format-context';
import type { TeamDetail } from '@/lib/teams/team-schema';
import { useDecideJoinRequest } from './use-team-mutations';

/** Pending requests to join, for the team's leads and admins to approve or reject. */
export function JoinRequestsPanel({ team }: { team: TeamDetail }) {
  const decide = useDecideJoinRequest(team.id);
  const fmt = useFormat();
  const t = useTranslations('teamDetail.requests');
  if (!team.access.canManageMembers) return null;

  return (
    <section aria-labelledby="requests-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="requests-heading" className="text-lg font-semibold text-slate-900">
        {t('heading', { count: fmt.number(team.pendingRequests.length) })}
      </h2>
      <FormAlert message={decide.error?.message} />
      {team.pendingRequests.length ? (
        <ul className="mt-4 flex flex-col divide-y divide-slate-100">
          {team.pendingRequests.map((request) => (
            <li key={request.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
              <span>
                <span className="font-medium text-slate-900">{request.name}</span> <span className="text-slate-500">{request.email}</span>{' '}
                <span className="text-xs text-slate-500">{t('asked', { date: fmt.date(request.createdAt) })}</span>
              </span>
              <span className="flex gap-2">
                <Button type="button" aria-label={t('approveName', { name: request.name })} disabled={decide.isPending} onClick={() => decide.mutate({ requestId: request.id, status: 'approved' })}>
                  {t('approve')}
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  aria-label={t('rejectName', { name: request.name })}
                  disabled={decide.isPending}
                  onClick={() => decide.mutate({ requestId: request.id, status: 'rejected' })}
                >
                  {t('reject')}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-slate-600">{t('none')}</p>
      )}
    </section>
  );
}
