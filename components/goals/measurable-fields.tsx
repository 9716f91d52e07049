'use client';

import { useTranslations } from 'next-intl';
import { TextField } from '@/components/ui/text-field';
import { MAX_UNIT_LENGTH } from '@/lib/goals/goal-schema';

/** A goal's target value and unit ("100" "km"), in the create and edit forms: measurements from apps count toward it. */
export function MeasurableFields({
  values,
  errors,
  onChange,
}: {
  values: { targetValue: string; unit: string };
  errors: Record<string, string | undefined>;
  onChange: (field: 'targetValue' | 'unit', value: string) => void;
}) {
  const t = useTranslations('goals.measurable');
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="sr-only">{t('legend')}</legend>
      <TextField
        label={t('targetValue')}
        name="targetValue"
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        value={values.targetValue}
        onChange={(e) => onChange('targetValue', e.target.value)}
        error={errors.targetValue}
        hint={t('hint')}
      />
      <TextField label={t('unit')} name="unit" maxLength={MAX_UNIT_LENGTH} value={values.unit} onChange={(e) => onChange('unit', e.target.value)} error={errors.unit} />
    </fieldset>
  );
}
