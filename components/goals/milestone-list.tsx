'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useFormat } from '@/lib/format/format-context';
import type { GoalDetail } from '@/lib/goals/goal-schema';
import { ApiError } from '@/lib/http/api-client';
import { moved, PENDING_PREFIX } from './optimistic';
import { useAddMilestone, useRemoveMilestone, useReorderMilestones, useToggleMilestone } from './use-goal-mutations';

// Arrows, not words: the same in every language (each button's name says what it does).
const UP = '↑';
const DOWN = '↓';

const iconButton = 'rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:cursor-not-allowed disabled:opacity-40';

/**
 * The goal's checklist in order. Whoever may log progress ticks items off; editors add,
 * reorder (buttons, so it works from the keyboard) and remove them. Ticking never changes
 * the goal's progress.
 */
export function MilestoneList({ goal }: { goal: GoalDetail }) {
  const fmt = useFormat();
  const t = useTranslations('goalDetail.milestones');
  const toggle = useToggleMilestone(goal.id);
  const remove = useRemoveMilestone(goal.id);
  const reorder = useReorderMilestones(goal.id);
  const writable = goal.status !== 'archived';
  const canEdit = goal.access.canEdit && writable;
  const canTick = (goal.access.canEdit || goal.access.canLogProgress) && writable;
  const ids = goal.milestoneList.map((m) => m.id);
  const error = toggle.error ?? remove.error ?? reorder.error;

  return (
    <section aria-labelledby="milestones-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="milestones-heading" className="text-lg font-semibold text-slate-900">
          {t('heading')}
        </h2>
        <p className="text-sm text-slate-600" data-testid="milestone-count">
          {t('count', { completed: fmt.number(goal.milestones.completed), total: fmt.number(goal.milestones.total) })}
        </p>
      </div>
      <FormAlert message={error?.message} />
      {goal.milestoneList.length ? (
        <ol className="mt-4 flex flex-col divide-y divide-slate-100">
          {goal.milestoneList.map((milestone, index) => {
            const pending = milestone.id.startsWith(PENDING_PREFIX);
            const checkboxId = `milestone-${milestone.id}`;
            return (
              <li key={milestone.id} className="flex flex-wrap items-center gap-3 py-2" aria-busy={pending || undefined}>
                <input
                  id={checkboxId}
                  type="checkbox"
                  className="h-4 w-4 accent-brand"
                  checked={milestone.completedAt !== null}
                  disabled={!canTick || pending}
                  onChange={(e) => toggle.mutate({ milestoneId: milestone.id, completed: e.target.checked })}
                />
                <label htmlFor={checkboxId} className={`flex-1 text-sm ${milestone.completedAt ? 'text-slate-500 line-through' : 'text-slate-900'}`}>
                  {milestone.title}
                </label>
                {milestone.dueDate ? <span className="text-xs text-slate-500">{t('due', { date: fmt.day(milestone.dueDate) })}</span> : null}
                {canEdit && !pending ? (
                  <span className="flex gap-1">
                    <button type="button" className={iconButton} aria-label={t('moveUp', { title: milestone.title })} disabled={index === 0} onClick={() => reorder.mutate(moved(ids, index, -1))}>
                      {UP}
                    </button>
                    <button
                      type="button"
                      className={iconButton}
                      aria-label={t('moveDown', { title: milestone.title })}
                      disabled={index === ids.length - 1}
                      onClick={() => reorder.mutate(moved(ids, index, 1))}
                    >
                      {DOWN}
                    </button>
                    <button type="button" className={`${iconButton} text-red-700`} aria-label={t('remove', { title: milestone.title })} onClick={() => remove.mutate(milestone.id)}>
                      {t('removeButton')}
                    </button>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="mt-3 text-sm text-slate-600">{canEdit ? t('emptyEditor') : t('empty')}</p>
      )}
      {canEdit ? <AddMilestoneForm goalId={goal.id} /> : null}
    </section>
  );
}

function AddMilestoneForm({ goalId }: { goalId: string }) {
  const t = useTranslations('goalDetail.milestones');
  const add = useAddMilestone(goalId);
  const [values, setValues] = useState({ title: '', dueDate: '' });
  const fields = add.error instanceof ApiError ? add.error.fields : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.mutate(values, { onSuccess: () => setValues({ title: '', dueDate: '' }) });
  }

  return (
    // Wraps instead of squeezing: in a narrow card (or at 390 px) the title takes the row and
    // the date and button go under it, so nothing pokes out of the card.
    <form onSubmit={submit} noValidate aria-label={t('addLabel')} className="mt-4 flex flex-wrap items-end gap-3 border-t border-slate-100 pt-4">
      <TextField
        label={t('titleField')}
        name="title"
        required
        maxLength={200}
        size={1}
        value={values.title}
        onChange={(e) => setValues({ ...values, title: e.target.value })}
        error={fields.title ?? (add.error && !fields.dueDate ? add.error.message : undefined)}
        className="min-w-0 flex-[1_1_14rem]"
      />
      <TextField
        label={t('dueDate')}
        name="dueDate"
        type="date"
        value={values.dueDate}
        onChange={(e) => setValues({ ...values, dueDate: e.target.value })}
        error={fields.dueDate}
        className="min-w-0 flex-[1_1_9rem]"
      />
      <Button type="submit" variant="secondary" disabled={add.isPending}>
        {t('add')}
      </Button>
    </form>
  );
}
