'use client';

import { Archive, ArchiveRestore, Check, RotateCcw, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { toast } from '@/components/ui/toaster';
import { term, type Terminology } from '@/lib/branding/terminology';
import type { GoalDetail } from '@/lib/goals/goal-schema';
import type { StatusAction } from './goal-requests';
import { useDeleteGoal, useGoalStatus } from './use-goal-mutations';

/**
 * Complete (the main action) or reopen; archive / unarchive and delete are quieter, and
 * archiving and deleting ask first in a dialog.
 */
export function GoalActions({ goal, terminology, viewerId }: { goal: GoalDetail; terminology: Terminology; viewerId: string }) {
  const router = useRouter();
  const word = term(terminology, 'goal');
  const status = useGoalStatus(goal.id, viewerId);
  const remove = useDeleteGoal(goal.id, () => {
    toast.success(`Deleted “${goal.title}”.`);
    router.push('/goals');
  });
  const error = status.error ?? remove.error;
  if (!goal.access.canEdit) return null;

  const run = (name: StatusAction) => status.mutateAsync(name).catch(() => undefined);

  return (
    <section aria-label={`${term(terminology, 'goal', true)} actions`} className="flex flex-col gap-3">
      <FormAlert message={error?.message} />
      <div className="flex flex-wrap items-center gap-2">
        {goal.status === 'active' ? (
          <Button type="button" disabled={status.isPending} onClick={() => run('complete')}>
            <Check aria-hidden /> {`Complete ${word}`}
          </Button>
        ) : null}
        {goal.status === 'completed' ? (
          <Button type="button" variant="secondary" disabled={status.isPending} onClick={() => run('reopen')}>
            <RotateCcw aria-hidden /> {`Reopen ${word}`}
          </Button>
        ) : null}
        {goal.status === 'archived' ? (
          <Button type="button" variant="secondary" disabled={status.isPending} onClick={() => run('unarchive')}>
            <ArchiveRestore aria-hidden /> {`Unarchive ${word}`}
          </Button>
        ) : (
          <ConfirmDialog
            trigger={
              <Button type="button" variant="ghost" disabled={status.isPending}>
                <Archive aria-hidden /> {`Archive ${word}`}
              </Button>
            }
            title={`Archive “${goal.title}”?`}
            description={`It leaves your active ${term(terminology, 'goals')} and can no longer be edited until you unarchive it. Its history is kept.`}
            confirmLabel={`Archive ${word}`}
            pending={status.isPending}
            onConfirm={() => run('archive')}
          />
        )}
        <ConfirmDialog
          trigger={
            <Button type="button" variant="danger-ghost">
              <Trash2 aria-hidden /> {`Delete ${word}`}
            </Button>
          }
          title={`Delete “${goal.title}”?`}
          description="Its milestones and progress history go with it. This cannot be undone."
          confirmLabel={`Yes, delete ${word}`}
          pending={remove.isPending}
          onConfirm={() => remove.mutateAsync().catch(() => undefined)}
        />
      </div>
    </section>
  );
}
