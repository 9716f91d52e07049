'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { term, type Terminology } from '@/lib/branding/terminology';
import { useFormat } from '@/lib/format/format-context';
import type { GoalDetail } from '@/lib/goals/goal-schema';
import { ApiError } from '@/lib/http/api-client';
import { moved, PENDING_PREFIX } from './optimistic';
import { useAddMilestone, useRemoveMilestone, useReorderMilestones, useToggleMilestone } from './use-goal-mutations';

const iconButton = 'rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:cursor-not-allowed disabled:opacity-40';

/**
 * The goal's checklist in order. Whoever may log progress ticks items off; editors add,
 * reorder (buttons, so it works from the keyboard) and remove them. Ticking never changes
 * the goal's progress.
 */
export function MilestoneList({ goal, terminology }: { goal: GoalDetail; terminology: Terminology }) {
  const fmt = useFormat();
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
          Milestones
        </h2>
        <p className="text-sm text-slate-600" data-testid="milestone-count">
          {goal.milestones.completed} of {goal.milestones.total} milestones
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
                {milestone.dueDate ? <span className="text-xs text-slate-500">Due {fmt.day(milestone.dueDate)}</span> : null}
                {canEdit && !pending ? (
                  <span className="flex gap-1">
                    <button type="button" className={iconButton} aria-label={`Move “${milestone.title}” up`} disabled={index === 0} onClick={() => reorder.mutate(moved(ids, index, -1))}>
                      ↑
                    </button>
                    <button
                      type="button"
                      className={iconButton}
                      aria-label={`Move “${milestone.title}” down`}
                      disabled={index === ids.length - 1}
                      onClick={() => reorder.mutate(moved(ids, index, 1))}
                    >
                      ↓
                    </button>
                    <button type="button" className={`${iconButton} text-red-700`} aria-label={`Remove milestone “${milestone.title}”`} onClick={() => remove.mutate(milestone.id)}>
                      Remove
                    </button>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="mt-3 text-sm text-slate-600">No milestones yet{canEdit ? ': break this ' + term(terminology, 'goal') + ' into steps below.' : '.'}</p>
      )}
      {canEdit ? <AddMilestoneForm goalId={goal.id} /> : null}
    </section>
  );
}

function AddMilestoneForm({ goalId }: { goalId: string }) {
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
    <form onSubmit={submit} noValidate aria-label="Add milestone" className="mt-4 flex flex-wrap items-end gap-3 border-t border-slate-100 pt-4">
      <TextField
        label="Milestone title"
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
        label="Due date (optional)"
        name="dueDate"
        type="date"
        value={values.dueDate}
        onChange={(e) => setValues({ ...values, dueDate: e.target.value })}
        error={fields.dueDate}
        className="min-w-0 flex-[1_1_9rem]"
      />
      <Button type="submit" variant="secondary" disabled={add.isPending}>
        Add milestone
      </Button>
    </form>
  );
}
