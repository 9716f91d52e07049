'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { SUPPORTED_LOCALES } from '@/lib/format/locales';
import { api } from '@/lib/http/api-client';

interface Values {
  name: string;
  timeZone: string;
  locale: string;
  defaultRole: string;
  requireTwoFactor: boolean;
}

export function GeneralForm({ initial, timeZones }: { initial: Values; timeZones: string[] }) {
  const t = useTranslations('settingsGeneral.form');
  const roles = useTranslations('members.roles');
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      await api('/api/app/settings/general', { method: 'PATCH', json: values });
      router.refresh();
      return t('saved');
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('ariaLabel')}>
      <FormAlert message={alert} />
      <TextField label={t('name')} name="name" value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} error={errors.name} required />
      <SelectField
        label={t('timeZone')}
        name="timeZone"
        value={values.timeZone}
        onChange={(e) => setValues({ ...values, timeZone: e.target.value })}
        error={errors.timeZone}
        options={timeZones.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))}
      />
      <SelectField
        label={t('locale')}
        name="locale"
        value={values.locale}
        onChange={(e) => setValues({ ...values, locale: e.target.value })}
        error={errors.locale}
        options={SUPPORTED_LOCALES.map((l) => ({ value: l.value, label: l.label }))}
      />
      <SelectField
        label={t('defaultRole')}
        name="defaultRole"
        value={values.defaultRole}
        onChange={(e) => setValues({ ...values, defaultRole: e.target.value })}
        error={errors.defaultRole}
        options={[
          { value: 'member', label: roles('member') },
          { value: 'viewer', label: roles('viewer') },
          { value: 'admin', label: roles('admin') },
        ]}
      />
      <div className="flex flex-col gap-1">
        <label className="flex items-start gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            name="requireTwoFactor"
            className="mt-0.5 size-4 accent-[var(--brand-primary)]"
            checked={values.requireTwoFactor}
            onChange={(e) => setValues({ ...values, requireTwoFactor: e.target.checked })}
            aria-describedby="require-two-factor-hint"
            aria-invalid={errors.requireTwoFactor ? true : undefined}
          />
          {t('requireTwoFactor')}
        </label>
        <p id="require-two-factor-hint" className="ps-6 text-xs text-slate-500">
          {t('requireTwoFactorHint')}
        </p>
        {errors.requireTwoFactor ? (
          <p role="alert" className="ps-6 text-sm text-red-600">
            {errors.requireTwoFactor}
          </p>
        ) : null}
      </div>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}
