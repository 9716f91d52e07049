'use client';

import { Archive, ArchiveRestore, Check, RotateCcw, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { toast } from '@/components/ui/toaster';
import type { GoalDetail } from '@/lib/goals/goal-schema';
import type { StatusAction } from './goal-requests';
import { useDeleteGoal, useGoalStatus } from './use-goal-mutations';

/**
 * Complete (the main action) or reopen; archive / unarchive and delete are quieter, and
 * archiving and deleting ask first in a dialog.
 */
export function GoalActions({ goal, viewerId }: { goal: GoalDetail; viewerId: string }) {
  const router = useRouter();
  const t = useTranslations('goalDetail.actions');
  const status = useGoalStatus(goal.id, viewerId);
  const remove = useDeleteGoal(goal.id, () => {
    toast.success(t('deleted', { title: goal.title }));
    router.push('/goals');
  });
  const error = status.error ?? remove.error;
  if (!goal.access.canEdit) return null;

  const run = (name: StatusAction) => status.mutateAsync(name).catch(() => undefined);

  return (
    <section aria-label={t('label')} className="flex flex-col gap-3">
      <FormAlert message={error?.message} />
      <div className="flex flex-wrap items-center gap-2">
        {goal.status === 'active' ? (
          <Button type="button" disabled={status.isPending} onClick={() => run('complete')}>
            <Check aria-hidden /> {t('complete')}
          </Button>
        ) : null}
        {goal.status === 'completed' ? (
          <Button type="button" variant="secondary" disabled={status.isPending} onClick={() => run('reopen')}>
            <RotateCcw aria-hidden /> {t('reopen')}
          </Button>
        ) : null}
        {goal.status === 'archived' ? (
          <Button type="button" variant="secondary" disabled={status.isPending} onClick={() => run('unarchive')}>
            <ArchiveRestore aria-hidden /> {t('unarchive')}
          </Button>
        ) : (
          <ConfirmDialog
            trigger={
              <Button type="button" variant="ghost" disabled={status.isPending}>
                <Archive aria-hidden /> {t('archive')}
              </Button>
            }
            title={t('archiveTitle', { title: goal.title })}
            description={t('archiveDescription')}
            confirmLabel={t('archive')}
            pending={status.isPending}
            onConfirm={() => run('archive')}
          />
        )}
        <ConfirmDialog
          trigger={
            <Button type="button" variant="danger-ghost">
              <Trash2 aria-hidden /> {t('delete')}
            </Button>
          }
          title={t('deleteTitle', { title: goal.title })}
          description={t('deleteDescription')}
          confirmLabel={t('deleteConfirm')}
          pending={remove.isPending}
          onConfirm={() => remove.mutateAsync().catch(() => undefined)}
        />
      </div>
    </section>
  );
}
