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
import { LOCALES } from '@/lib/account/profile-options';
import { api } from '@/lib/http/api-client';

interface Values {
  name: string;
  /** '' = the workspace's */
  timeZone: string;
  /** '' = the workspace's, else the browser's */
  locale: string;
}

export function ProfileForm({ initial, timeZones, workspaceTimeZone, workspaceLocale }: { initial: Values; timeZones: string[]; workspaceTimeZone: string; workspaceLocale: string }) {
  const t = useTranslations('account.profileForm');
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      await api('/api/app/account/profile', { method: 'PATCH', json: values });
      router.refresh();
      return t('saved');
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('label')}>
      <FormAlert message={alert} />
      <TextField label={t('name')} name="name" autoComplete="name" value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} error={errors.name} required maxLength={80} />
      <SelectField
        label={t('timeZone')}
        name="timeZone"
        value={values.timeZone}
        onChange={(e) => setValues({ ...values, timeZone: e.target.value })}
        error={errors.timeZone}
        options={[{ value: '', label: t('workspaceTimeZone', { zone: workspaceTimeZone.replace(/_/g, ' ') }) }, ...timeZones.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))]}
      />
      <SelectField
        label={t('locale')}
        name="locale"
        value={values.locale}
        onChange={(e) => setValues({ ...values, locale: e.target.value })}
        error={errors.locale}
        options={[{ value: '', label: t('workspaceLocale', { locale: LOCALES.find((locale) => locale.value === workspaceLocale)?.label ?? workspaceLocale }) }, ...LOCALES]}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}
