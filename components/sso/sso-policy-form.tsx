'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { ssoApi, type MappableRole, type SsoConfigValues } from './sso-requests';

const MAPPABLE: MappableRole[] = ['admin', 'member', 'viewer'];

/** Role mapping: attribute, value → role rows, default role. ("Require SSO" is set per domain.) */
export function SsoPolicyForm({ initial }: { initial: SsoConfigValues }) {
  const t = useTranslations('sso.roles');
  const roles = useTranslations('members.roles');
  const ROLE_OPTIONS = MAPPABLE.map((role) => ({ value: role, label: roles(role) }));
  const [values, setValues] = useState<SsoConfigValues>(initial);
  const { errors, alert, status, pending, submit } = useFormSubmit({ fieldsAlert: t('fieldsAlert') });
  const setRow = (index: number, patch: Partial<{ value: string; role: MappableRole }>) =>
    setValues((v) => ({ ...v, roleMapping: v.roleMapping.map((row, i) => (i === index ? { ...row, ...patch } : row)) }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      setValues(await ssoApi.saveConfig(values));
      return t('saved');
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label={t('formLabel')}>
      <FormAlert message={alert} />
      <TextField
        label={t('attribute')}
        name="roleAttribute"
        value={values.roleAttribute}
        onChange={(e) => setValues((v) => ({ ...v, roleAttribute: e.target.value }))}
        error={errors.roleAttribute}
        hint={t('attributeHint')}
      />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('mapping')}</legend>
        {values.roleMapping.length === 0 ? <p className="text-sm text-slate-500">{t('noMapping')}</p> : null}
        {values.roleMapping.map((row, index) => (
          <div key={index} className="flex flex-wrap items-end gap-3" data-testid="role-mapping-row">
            <TextField label={t('value')} name={`mapping-value-${index}`} value={row.value} onChange={(e) => setRow(index, { value: e.target.value })} error={errors[`roleMapping.${index}.value`]} className="min-w-48 flex-1" />
            <SelectField label={t('role')} name={`mapping-role-${index}`} value={row.role} options={ROLE_OPTIONS} onChange={(e) => setRow(index, { role: e.target.value as MappableRole })} />
            <Button type="button" variant="ghost" onClick={() => setValues((v) => ({ ...v, roleMapping: v.roleMapping.filter((_, i) => i !== index) }))} aria-label={t('removeMapping', { number: index + 1 })}>
              {t('remove')}
            </Button>
          </div>
        ))}
        {errors.roleMapping ? <p className="text-sm text-red-600">{errors.roleMapping}</p> : null}
        <div>
          <Button type="button" variant="secondary" onClick={() => setValues((v) => ({ ...v, roleMapping: [...v.roleMapping, { value: '', role: 'member' }] }))}>
            {t('addMapping')}
          </Button>
        </div>
      </fieldset>
      <SelectField
        label={t('defaultRole')}
        name="defaultRole"
        value={values.defaultRole}
        options={ROLE_OPTIONS}
        onChange={(e) => setValues((v) => ({ ...v, defaultRole: e.target.value }))}
        error={errors.defaultRole}
      />
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}
