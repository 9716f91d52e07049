'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import type { GoalDetail } from '@/lib/goals/goal-schema';
import { ApiError } from '@/lib/http/api-client';
import { MeasurableFields } from './measurable-fields';
import { useEditGoal } from './use-goal-mutations';

/** Title, description, target date, and target value and unit of a goal; closes when saved. */
export function GoalDetailsForm({ goal, onDone }: { goal: GoalDetail; onDone: () => void }) {
  const t = useTranslations('goalDetail.edit');
  const edit = useEditGoal(goal.id);
  const [values, setValues] = useState({
    title: goal.title,
    description: goal.description ?? '',
    targetDate: goal.targetDate ?? '',
    targetValue: goal.targetValue === null ? '' : String(goal.targetValue),
    unit: goal.unit ?? '',
  });
  const fields = edit.error instanceof ApiError ? edit.error.fields : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    edit.mutate(values, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('label')} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <FormAlert message={edit.error && Object.keys(fields).length === 0 ? edit.error.message : null} />
      <TextField label={t('title')} name="title" required maxLength={200} value={values.title} onChange={(e) => setValues({ ...values, title: e.target.value })} error={fields.title} />
      <TextField
        label={t('description')}
        name="description"
        maxLength={5000}
        value={values.description}
        onChange={(e) => setValues({ ...values, description: e.target.value })}
        error={fields.description}
      />
      <TextField
        label={t('targetDate')}
        name="targetDate"
        type="date"
        value={values.targetDate}
        onChange={(e) => setValues({ ...values, targetDate: e.target.value })}
        error={fields.targetDate}
        className="sm:w-56"
      />
      <MeasurableFields values={values} errors={fields} onChange={(field, value) => setValues({ ...values, [field]: value })} />
      <div className="flex gap-2">
        <Button type="submit" disabled={edit.isPending}>
          {t('save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
