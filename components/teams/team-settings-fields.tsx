'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { TeamSettings } from './team-requests';

export const EMPTY_SETTINGS: TeamSettings = { name: '', description: '', visibility: 'public', joinApprovalRequired: false, memberCanInvite: false };

function Checkbox({ label, hint, checked, onChange, disabled }: { label: string; hint: string; checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" className="mt-1 h-4 w-4 accent-brand" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-hint`} />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      </div>
    </div>
  );
}

/** The fields a team is made of, shared by the create and settings forms. */
export function TeamSettingsFields({
  values,
  onChange,
  errors,
}: {
  values: TeamSettings;
  onChange: (values: TeamSettings) => void;
  errors: Record<string, string>;
}) {
  const t = useTranslations('teams.fields');
  return (
    <>
      <TextField label={t('name')} name="name" required maxLength={80} value={values.name} onChange={(e) => onChange({ ...values, name: e.target.value })} error={errors.name} />
      <TextField
        label={t('description')}
        name="description"
        maxLength={1000}
        value={values.description}
        onChange={(e) => onChange({ ...values, description: e.target.value })}
        error={errors.description}
      />
      <SelectField
        label={t('visibility')}
        name="visibility"
        value={values.visibility}
        onChange={(e) => onChange({ ...values, visibility: e.target.value === 'private' ? 'private' : 'public' })}
        error={errors.visibility}
        options={[
          { value: 'public', label: t('public') },
          { value: 'private', label: t('private') },
        ]}
      />
      <Checkbox
        label={t('requireApproval')}
        hint={t('requireApprovalHint')}
        checked={values.joinApprovalRequired}
        disabled={values.visibility === 'private'}
        onChange={(joinApprovalRequired) => onChange({ ...values, joinApprovalRequired })}
      />
      <Checkbox
        label={t('membersCanAdd')}
        hint={t('membersCanAddHint')}
        checked={values.memberCanInvite}
        onChange={(memberCanInvite) => onChange({ ...values, memberCanInvite })}
      />
    </>
  );
}
