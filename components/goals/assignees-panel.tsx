'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import type { AssigneeRole, GoalDetail } from '@/lib/goals/goal-schema';
import { useAddAssignee, useChangeAssigneeRole, useRemoveAssignee } from './use-goal-mutations';

const ROLES: AssigneeRole[] = ['lead', 'contributor'];

/** Who works on a team goal: leads may edit it, contributors log progress. */
export function AssigneesPanel({ goal, viewerId }: { goal: GoalDetail; viewerId: string }) {
  const t = useTranslations('goalDetail.assignees');
  const add = useAddAssignee(goal.id);
  const change = useChangeAssigneeRole(goal.id);
  const remove = useRemoveAssignee(goal.id);
  const canEdit = goal.access.canEdit && goal.status !== 'archived';
  const error = add.error ?? change.error ?? remove.error;

  return (
    <section aria-labelledby="assignees-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="assignees-heading" className="text-lg font-semibold text-slate-900">
        {t('heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      <FormAlert message={error?.message} />
      {goal.assignees.length ? (
        <ul className="mt-4 flex flex-col divide-y divide-slate-100">
          {goal.assignees.map((assignee) => (
            <li key={assignee.userId} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
              <span className="font-medium text-slate-900">{assignee.name}</span>
              <span className="flex items-center gap-2">
                {canEdit ? (
                  <label className="flex items-center gap-2 text-slate-700">
                    <span className="sr-only">{t('roleOf', { name: assignee.name })}</span>
                    <select
                      value={assignee.role}
                      onChange={(e) => change.mutate({ userId: assignee.userId, role: e.target.value as AssigneeRole })}
                      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(role)}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : (
                  <span className="rounded-full bg-brand/10 px-2 py-0.5 text-xs font-medium text-brand-text">{t(assignee.role === 'lead' ? 'lead' : 'contributor')}</span>
                )}
                {canEdit || (assignee.userId === viewerId && goal.status !== 'archived') ? (
                  <Button type="button" variant="ghost" className="px-2 py-1" aria-label={assignee.userId === viewerId ? t('unassignMe') : t('unassignName', { name: assignee.name })} onClick={() => remove.mutate(assignee.userId)}>
                    {t('unassign')}
                  </Button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-slate-600">{t('none')}</p>
      )}
      {canEdit && goal.assignableMembers.length ? <AddAssigneeForm goal={goal} onAdd={(input, done) => add.mutate(input, { onSuccess: done })} pending={add.isPending} /> : null}
    </section>
  );
}

function AddAssigneeForm({
  goal,
  onAdd,
  pending,
}: {
  goal: GoalDetail;
  onAdd: (input: { userId: string; role: AssigneeRole }, done: () => void) => void;
  pending: boolean;
}) {
  const t = useTranslations('goalDetail.assignees');
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<AssigneeRole>('contributor');
  const chosen = goal.assignableMembers.some((m) => m.userId === userId) ? userId : (goal.assignableMembers[0]?.userId ?? '');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen) onAdd({ userId: chosen, role }, () => setUserId(''));
  }

  return (
    <form onSubmit={submit} aria-label={t('addLabel')} className="mt-4 flex flex-col gap-3 border-t border-slate-100 pt-4 sm:flex-row sm:items-end">
      <SelectField
        label={t('teamMember')}
        name="userId"
        value={chosen}
        onChange={(e) => setUserId(e.target.value)}
        options={goal.assignableMembers.map((m) => ({ value: m.userId, label: m.name }))}
        className="flex-1"
      />
      <SelectField label={t('role')} name="role" value={role} onChange={(e) => setRole(e.target.value as AssigneeRole)} options={ROLES.map((value) => ({ value, label: t(value) }))} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('add')}
      </Button>
    </form>
  );
}
