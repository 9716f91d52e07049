'use client';

import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { toast } from '@/components/ui/toaster';
import { useDeleteHabit } from './use-habit-mutations';

/** Deleting takes the whole history with it, so it is quiet and asks once more in a dialog. */
export function DeleteHabitButton({ habitId, name }: { habitId: string; name: string }) {
  const t = useTranslations('habitDetail.delete');
  const mutation = useDeleteHabit(habitId);
  const router = useRouter();
  return (
    <div className="flex flex-col gap-2">
      <ConfirmDialog
        trigger={
          <Button variant="danger-ghost" type="button">
            <Trash2 aria-hidden /> {t('button')}
          </Button>
        }
        title={t('title', { name })}
        description={t('body')}
        confirmLabel={t('confirm')}
        pending={mutation.isPending}
        onConfirm={() =>
          mutation
            .mutateAsync(undefined)
            .then(() => {
              toast.success(t('done', { name }));
              router.push('/habits');
            })
            .catch(() => undefined)
        }
      />
      <FormAlert message={mutation.isError ? mutation.error.message : null} />
    </div>
  );
}
