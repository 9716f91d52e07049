'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { useFormat } from '@/lib/format/format-context';
import type { TeamDetail } from '@/lib/teams/team-schema';
import { useChangeTeamMemberRole, useRemoveTeamMember } from './use-team-mutations';

/** The team's members; leads and admins change roles and remove people here. */
export function TeamMembers({ team, viewerId }: { team: TeamDetail; viewerId: string }) {
  const t = useTranslations('teamDetail.members');
  const fmt = useFormat();
  const change = useChangeTeamMemberRole(team.id);
  const remove = useRemoveTeamMember(team.id);
  const manage = team.access.canManageMembers;
  const error = change.error ?? remove.error;

  return (
    <section aria-labelledby="members-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="members-heading" className="text-lg font-semibold text-slate-900">
        {t('heading', { count: fmt.number(team.members.length) })}
      </h2>
      <FormAlert message={error?.message} />
      {team.members.length ? (
        <ul aria-label={t('listLabel', { name: team.name })} className="mt-4 flex flex-col divide-y divide-slate-100">
          {team.members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
              <span>
                <span className="font-medium text-slate-900">{m.name}</span> <span className="text-slate-500">{m.email}</span>
              </span>
              <span className="flex items-center gap-2">
                {manage ? (
                  <label className="flex items-center gap-2">
                    <span className="sr-only">{t('roleOf', { name: m.name })}</span>
                    <select
                      value={m.role}
                      onChange={(e) => change.mutate({ userId: m.userId, role: e.target.value === 'lead' ? 'lead' : 'member' })}
                      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                    >
                      <option value="lead">{t('lead')}</option>
                      <option value="member">{t('member')}</option>
                    </select>
                  </label>
                ) : (
                  <span className="rounded-full bg-brand/10 px-2 py-0.5 text-xs font-medium text-brand-text">{t(m.role)}</span>
                )}
                {manage && m.userId !== viewerId ? (
                  <Button type="button" variant="ghost" className="px-2 py-1 text-red-700!" aria-label={t('removeName', { name: m.name })} onClick={() => remove.mutate(m.userId)}>
                    {t('remove')}
                  </Button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-slate-600">{t('empty')}</p>
      )}
    </section>
  );
}
