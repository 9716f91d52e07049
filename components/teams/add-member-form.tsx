'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { ApiError } from '@/lib/http/api-client';
import type { TeamDetail, TeamRole } from '@/lib/teams/team-schema';
import { useAddTeamMember } from './use-team-mutations';

export interface Person {
  userId: string;
  name: string;
  email: string;
  role: string;
}

/** Adds a workspace member to the team; only leads and admins may choose the lead role. */
export function AddMemberForm({ team, people }: { team: TeamDetail; people: Person[] }) {
  const t = useTranslations('teamDetail.addMember');
  const add = useAddTeamMember(team.id);
  const candidates = people.filter((p) => !team.members.some((m) => m.userId === p.userId));
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<TeamRole>('member');
  const chosen = candidates.find((p) => p.userId === userId) ?? candidates[0];
  const fields = add.error instanceof ApiError ? add.error.fields : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen) add.mutate({ person: chosen, role }, { onSuccess: () => setUserId('') });
  }

  return (
    <section aria-labelledby="add-member-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="add-member-heading" className="text-lg font-semibold text-slate-900">
        {t('heading')}
      </h2>
      {candidates.length ? (
        <form onSubmit={submit} aria-label={t('formLabel')} className="mt-4 flex flex-col gap-3">
          <FormAlert message={add.error && Object.keys(fields).length === 0 ? add.error.message : null} />
          <SelectField
            label={t('person')}
            name="userId"
            value={chosen?.userId ?? ''}
            onChange={(e) => setUserId(e.target.value)}
            error={fields.userId}
            options={candidates.map((p) => ({ value: p.userId, label: t('personOption', { name: p.name, email: p.email }) }))}
          />
          {team.access.canManageMembers ? (
            <SelectField
              label={t('role')}
              name="role"
              value={role}
              onChange={(e) => setRole(e.target.value === 'lead' ? 'lead' : 'member')}
              error={fields.role}
              options={[
                { value: 'member', label: t('member') },
                { value: 'lead', label: t('lead') },
              ]}
            />
          ) : null}
          <div>
            <Button type="submit" variant="secondary" disabled={add.isPending}>
              {t('submit')}
            </Button>
          </div>
        </form>
      ) : (
        <p className="mt-3 text-sm text-slate-600">{t('everyoneIn')}</p>
      )}
    </section>
  );
}
