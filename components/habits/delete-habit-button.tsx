'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { useDeleteHabit } from './use-habit-mutations';

/** Deleting takes the whole history with it, so it asks once more, in place. */
export function DeleteHabitButton({ habitId, name, habitWord }: { habitId: string; name: string; habitWord: string }) {
  const [confirming, setConfirming] = useState(false);
  const mutation = useDeleteHabit(habitId);
  const router = useRouter();

  if (!confirming) {
    return (
      <Button variant="secondary" type="button" onClick={() => setConfirming(true)} className="text-red-700">
        Delete {habitWord}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={`Confirm deleting ${name}`} className="flex flex-col gap-3 rounded-md border border-red-200 bg-red-50 p-4">
      <p className="text-sm text-red-900">
        Delete “{name}” and all its logs? This cannot be undone; archive it instead to keep its history.
      </p>
      <FormAlert message={mutation.isError ? mutation.error.message : null} />
      <div className="flex gap-2">
        <Button
          type="button"
          className="bg-red-700! text-white!"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate(undefined, { onSuccess: () => router.push('/habits') })}
        >
          Yes, delete
        </Button>
        <Button variant="ghost" type="button" onClick={() => setConfirming(false)} autoFocus>
          Cancel
        </Button>
      </div>
    </div>
  );
}
