'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { term, type Terminology } from '@/lib/branding/terminology';
import type { GoalDetail } from '@/lib/goals/goal-schema';
import type { StatusAction } from './goal-requests';
import { useDeleteGoal, useGoalStatus } from './use-goal-mutations';

/** Complete / reopen, archive / unarchive and delete (with a confirmation step). */
export function GoalActions({ goal, terminology, viewerId }: { goal: GoalDetail; terminology: Terminology; viewerId: string }) {
  const router = useRouter();
  const word = term(terminology, 'goal');
  const status = useGoalStatus(goal.id, viewerId);
  const remove = useDeleteGoal(goal.id, () => router.push('/goals'));
  const [confirming, setConfirming] = useState(false);
  const error = status.error ?? remove.error;
  if (!goal.access.canEdit) return null;

  const action = (name: StatusAction, label: string, variant: 'primary' | 'secondary' = 'secondary') => (
    <Button type="button" variant={variant} disabled={status.isPending} onClick={() => status.mutate(name)}>
      {label}
    </Button>
  );

  return (
    <section aria-label={`${term(terminology, 'goal', true)} actions`} className="flex flex-col gap-3">
      <FormAlert message={error?.message} />
      <div className="flex flex-wrap gap-2">
        {goal.status === 'active' ? action('complete', `Complete ${word}`, 'primary') : null}
        {goal.status === 'completed' ? action('reopen', `Reopen ${word}`) : null}
        {goal.status === 'archived' ? action('unarchive', `Unarchive ${word}`) : action('archive', `Archive ${word}`)}
        {confirming ? null : (
          <Button type="button" variant="secondary" className="text-red-700!" onClick={() => setConfirming(true)}>
            {`Delete ${word}`}
          </Button>
        )}
      </div>
      {confirming ? (
        <div role="group" aria-label={`Confirm deleting this ${word}`} className="flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <span>
            Delete “{goal.title}” with its milestones and progress history? This cannot be undone.
          </span>
          <Button type="button" className="bg-red-700! text-white!" disabled={remove.isPending} onClick={() => remove.mutate()}>
            {`Yes, delete ${word}`}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)} autoFocus>
            Cancel
          </Button>
        </div>
      ) : null}
    </section>
  );
}
