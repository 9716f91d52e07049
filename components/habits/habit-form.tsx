'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import type { HabitSchedule } from '@/lib/db/generated/enums';
import { WEEKDAYS_MONDAY_FIRST } from '@/lib/habits/habit-labels';
import { HABIT_DESCRIPTION_MAX, HABIT_NAME_MAX, createHabitSchema, type CreateHabitInput, type HabitView } from '@/lib/habits/habit-schema';
import { ApiError } from '@/lib/http/api-client';
import { zodFieldErrors } from '@/lib/http/problem';
import { useWeekdayNames } from './habit-words';

export interface HabitFormValues {
  name: string;
  description: string;
  schedule: HabitSchedule;
  scheduleDays: number[];
  /** As typed in the number field. */
  timesPerWeek: string;
}

export const EMPTY_HABIT: HabitFormValues = { name: '', description: '', schedule: 'daily', scheduleDays: [], timesPerWeek: '3' };

export function valuesOf(habit: HabitView): HabitFormValues {
  return {
    name: habit.name,
    description: habit.description ?? '',
    schedule: habit.schedule,
    scheduleDays: habit.scheduleDays,
    timesPerWeek: String(habit.timesPerWeek ?? 3),
  };
}

/** The schedules and their labels' keys (habits.form.schedules). */
const SCHEDULES = [
  { value: 'daily', key: 'daily' },
  { value: 'weekly_days', key: 'weeklyDays' },
  { value: 'times_per_week', key: 'timesPerWeek' },
] as const satisfies readonly { value: HabitSchedule; key: string }[];

type FormWords = ReturnType<typeof useTranslations<'habits.form'>>;

/**
 * The schema's own sentences (lib/habits/habit-schema.ts), checked here before sending, in
 * the reader's language; the server translates the same ones in its answers
 * (messages/<language>/errors/habits.json). Any other stays as it is.
 */
function schemaSentence(message: string, t: FormWords): string {
  switch (message) {
    case 'Enter a name.':
      return t('errors.enterName');
    case `Use at most ${HABIT_NAME_MAX} characters.`:
      return t('errors.tooLong', { max: HABIT_NAME_MAX });
    case `Use at most ${HABIT_DESCRIPTION_MAX} characters.`:
      return t('errors.tooLong', { max: HABIT_DESCRIPTION_MAX });
    case 'Pick at least one day.':
      return t('errors.pickDay');
    case 'Enter how many times a week, 1 to 7.':
      return t('errors.enterTimes');
    case 'Enter a whole number.':
      return t('errors.wholeNumber');
    case 'Use 1 to 7 times a week.':
      return t('errors.timesRange');
    default:
      return message;
  }
}

type FieldErrors = Partial<Record<'name' | 'description' | 'schedule' | 'scheduleDays' | 'timesPerWeek', string>>;

/** Server and schema errors by form field ("scheduleDays.0" belongs to the day picker). */
function byField(fields: Record<string, string>, translate: (message: string) => string = (message) => message): FieldErrors {
  const errors: FieldErrors = {};
  for (const [key, message] of Object.entries(fields)) {
    const field = key.split('.')[0] as keyof FieldErrors;
    errors[field] ??= translate(message);
  }
  return errors;
}

function toInput(values: HabitFormValues): CreateHabitInput {
  return {
    name: values.name,
    description: values.description.trim() || null,
    schedule: values.schedule,
    scheduleDays: values.scheduleDays,
    timesPerWeek: values.timesPerWeek.trim() === '' ? null : Number(values.timesPerWeek),
  };
}

/**
 * Name, description and schedule of a habit, for adding one and for editing one. Checked
 * with the server's own schema before sending; the server's field errors land on the same
 * fields.
 */
export function HabitForm({
  label,
  submitLabel,
  initial,
  onSubmit,
  resetOnSuccess = false,
  successMessage,
}: {
  label: string;
  submitLabel: string;
  initial: HabitFormValues;
  onSubmit: (input: CreateHabitInput) => Promise<unknown>;
  resetOnSuccess?: boolean;
  successMessage?: string;
}) {
  const t = useTranslations('habits.form');
  const weekdays = useWeekdayNames();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const id = useId();

  function set<K extends keyof HabitFormValues>(field: K, value: HabitFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setStatus(null);
  }

  function toggleDay(day: number, checked: boolean) {
    set('scheduleDays', checked ? [...values.scheduleDays, day] : values.scheduleDays.filter((d) => d !== day));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = toInput(values);
    const checked = createHabitSchema.safeParse(input);
    if (!checked.success) {
      setErrors(byField(zodFieldErrors(checked.error), (message) => schemaSentence(message, t)));
      setAlert(null);
      return;
    }
    setPending(true);
    setErrors({});
    setAlert(null);
    try {
      await onSubmit(input);
      if (resetOnSuccess) setValues(initial);
      setStatus(successMessage ?? null);
    } catch (error) {
      const fields = error instanceof ApiError ? byField(error.fields) : {};
      setErrors(fields);
      setAlert(Object.keys(fields).length ? null : error instanceof Error ? error.message : t('failed'));
    } finally {
      setPending(false);
    }
  }

  const daysErrorId = `${id}-days-error`;
  return (
    <form onSubmit={submit} noValidate aria-label={label} className="flex flex-col gap-4">
      <FormAlert message={alert} />
      <TextField label={t('name')} name="name" required maxLength={HABIT_NAME_MAX} value={values.name} onChange={(e) => set('name', e.target.value)} error={errors.name} />
      <TextField
        label={t('description')}
        name="description"
        maxLength={HABIT_DESCRIPTION_MAX}
        value={values.description}
        onChange={(e) => set('description', e.target.value)}
        error={errors.description}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-800">{t('schedule')}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {SCHEDULES.map((option) => (
            <label key={option.value} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="radio"
                name={`${id}-schedule`}
                value={option.value}
                checked={values.schedule === option.value}
                onChange={() => set('schedule', option.value)}
                className="h-4 w-4 accent-brand"
              />
              {t(`schedules.${option.key}`)}
            </label>
          ))}
        </div>
        {errors.schedule ? <p className="text-sm text-red-600">{errors.schedule}</p> : null}
      </fieldset>
      {values.schedule === 'weekly_days' ? (
        <fieldset className="flex flex-col gap-2" aria-describedby={errors.scheduleDays ? daysErrorId : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t('days')}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            {WEEKDAYS_MONDAY_FIRST.map((day) => (
              <label key={day} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  checked={values.scheduleDays.includes(day)}
                  onChange={(e) => toggleDay(day, e.target.checked)}
                  className="h-4 w-4 accent-brand"
                />
                {weekdays[day]}
              </label>
            ))}
          </div>
          {errors.scheduleDays ? (
            <p id={daysErrorId} className="text-sm text-red-600">
              {errors.scheduleDays}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {values.schedule === 'times_per_week' ? (
        <TextField
          label={t('timesPerWeek')}
          name="timesPerWeek"
          type="number"
          inputMode="numeric"
          min={1}
          max={7}
          required
          className="max-w-40"
          value={values.timesPerWeek}
          onChange={(e) => set('timesPerWeek', e.target.value)}
          error={errors.timesPerWeek}
          hint={t('timesPerWeekHint')}
        />
      ) : null}
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}
