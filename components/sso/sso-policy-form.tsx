'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { ssoApi, type MappableRole, type SsoConfigValues } from './sso-requests';
import { ROLE_LABELS } from '@/lib/members/role-labels';

const ROLE_OPTIONS = [
  { value: 'admin', label: ROLE_LABELS.admin },
  { value: 'member', label: ROLE_LABELS.member },
  { value: 'viewer', label: ROLE_LABELS.viewer },
];

/** Role mapping: attribute, value → role rows, default role. ("Require SSO" is set per domain.) */
export function SsoPolicyForm({ initial }: { initial: SsoConfigValues }) {
  const [values, setValues] = useState<SsoConfigValues>(initial);
  const { errors, alert, status, pending, submit } = useFormSubmit({ fieldsAlert: 'Some fields need attention.' });
  const setRow = (index: number, patch: Partial<{ value: string; role: MappableRole }>) =>
    setValues((v) => ({ ...v, roleMapping: v.roleMapping.map((row, i) => (i === index ? { ...row, ...patch } : row)) }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      setValues(await ssoApi.saveConfig(values));
      return 'Saved.';
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label="SSO roles">
      <FormAlert message={alert} />
      <TextField
        label="Role attribute"
        name="roleAttribute"
        value={values.roleAttribute}
        onChange={(e) => setValues((v) => ({ ...v, roleAttribute: e.target.value }))}
        error={errors.roleAttribute}
        hint="The SAML attribute whose values decide the role, e.g. groups."
      />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium text-slate-800">Attribute value → role</legend>
        {values.roleMapping.length === 0 ? <p className="text-sm text-slate-500">No mapping: new people get the default role, and SSO leaves existing roles alone.</p> : null}
        {values.roleMapping.map((row, index) => (
          <div key={index} className="flex flex-wrap items-end gap-3" data-testid="role-mapping-row">
            <TextField label="Value" name={`mapping-value-${index}`} value={row.value} onChange={(e) => setRow(index, { value: e.target.value })} error={errors[`roleMapping.${index}.value`]} className="min-w-48 flex-1" />
            <SelectField label="Role" name={`mapping-role-${index}`} value={row.role} options={ROLE_OPTIONS} onChange={(e) => setRow(index, { role: e.target.value as MappableRole })} />
            <Button type="button" variant="ghost" onClick={() => setValues((v) => ({ ...v, roleMapping: v.roleMapping.filter((_, i) => i !== index) }))} aria-label={`Remove mapping ${index + 1}`}>
              Remove
            </Button>
          </div>
        ))}
        {errors.roleMapping ? <p className="text-sm text-red-600">{errors.roleMapping}</p> : null}
        <div>
          <Button type="button" variant="secondary" onClick={() => setValues((v) => ({ ...v, roleMapping: [...v.roleMapping, { value: '', role: 'member' }] }))}>
            Add mapping
          </Button>
        </div>
      </fieldset>
      <SelectField
        label="Default role"
        name="defaultRole"
        value={values.defaultRole}
        options={ROLE_OPTIONS}
        onChange={(e) => setValues((v) => ({ ...v, defaultRole: e.target.value }))}
        error={errors.defaultRole}
      />
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}
