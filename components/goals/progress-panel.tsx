'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useFormat } from '@/lib/format/format-context';
import type { GoalDetail } from '@/lib/goals/goal-schema';
import { ApiError } from '@/lib/http/api-client';
import { ProgressBar } from './progress-bar';
import { useUpdateProgress } from './use-goal-mutations';

/** The goal's progress, and for those who may log it a slider and number kept in step. */
export function ProgressPanel({ goal }: { goal: GoalDetail }) {
  const t = useTranslations('goalDetail.progress');
  const fmt = useFormat();
  const update = useUpdateProgress(goal.id);
  // null: follow the goal's progress; a string while the member is choosing a new value.
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const sliderId = useId();
  const value = draft ?? String(goal.progress);
  const canLog = goal.access.canLogProgress && goal.status === 'active';
  const fields = update.error instanceof ApiError ? update.error.fields : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const progress = Number(value);
    if (value.trim() === '' || !Number.isInteger(progress) || progress < 0 || progress > 100) {
      setInvalid(t('invalid'));
      return;
    }
    setInvalid(null);
    update.mutate(
      { progress, note },
      {
        onSuccess: (result) => {
          setDraft(null);
          setNote('');
          setSaved(t('saved', { progress: fmt.percent(result.progress / 100) }));
        },
      },
    );
  }

  return (
    <section aria-labelledby="progress-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="progress-heading" className="text-lg font-semibold text-slate-900">
          {t('heading')}
        </h2>
        <p className="text-2xl font-bold text-slate-900" data-testid="goal-progress">
          {fmt.percent(goal.progress / 100)}
        </p>
      </div>
      <ProgressBar value={goal.progress} label={t('barLabel')} className="mt-3 h-3" />
      {goal.targetValue !== null ? (
        <p className="mt-2 text-sm font-medium text-slate-800" data-testid="goal-measured">
          {t(goal.unit ? 'measured' : 'measuredNoUnit', { current: fmt.number(goal.currentValue), target: fmt.number(goal.targetValue), unit: goal.unit ?? '' })}
        </p>
      ) : null}
      <p className="mt-2 text-sm text-slate-600">
        {t('milestones', { completed: fmt.number(goal.milestones.completed), total: fmt.number(goal.milestones.total) })}
      </p>

      {canLog ? (
        <form onSubmit={submit} noValidate aria-label={t('formLabel')} className="mt-5 flex flex-col gap-4 border-t border-slate-100 pt-5">
          <FormAlert message={update.error && !fields.progress ? update.error.message : null} />
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <div className="flex flex-1 flex-col gap-1">
              <label htmlFor={sliderId} className="text-sm font-medium text-slate-800">
                {t('slider')}
              </label>
              <input
                id={sliderId}
                type="range"
                min={0}
                max={100}
                step={1}
                value={Number.isFinite(Number(value)) ? Number(value) : goal.progress}
                onChange={(e) => setDraft(e.target.value)}
                className="accent-brand"
              />
            </div>
            <TextField
              label={t('field')}
              name="progress"
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              value={value}
              onChange={(e) => setDraft(e.target.value)}
              error={invalid ?? fields.progress}
              className="sm:w-36"
            />
          </div>
          <TextField label={t('note')} name="note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} error={fields.note} />
          <div className="flex items-center gap-4">
            <Button type="submit" disabled={update.isPending}>
              {t('submit')}
            </Button>
            <FormStatus message={saved} />
          </div>
        </form>
      ) : goal.status === 'active' ? null : (
        <p className="mt-4 text-sm text-slate-600">
          {goal.status === 'completed' ? t('reopenToChange') : t('unarchiveToChange')}
        </p>
      )}
    </section>
  );
}
