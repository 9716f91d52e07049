'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { buttonClass } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';

const KINDS = ['access', 'erasure', 'rectification', 'restriction', 'objection', 'portability'] as const;

/** Records a data subject request as it arrived. */
export function NewPrivacyRequestForm() {
  const t = useTranslations('operatorPrivacy');
  const router = useRouter();
  const [values, setValues] = useState({ kind: 'access', subjectEmail: '', details: '' });
  const form = useFormSubmit({ fieldsAlert: t('record.fieldsAlert') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      await api('/api/platform/privacy-requests', { method: 'POST', json: values });
      setValues({ kind: 'access', subjectEmail: '', details: '' });
      router.refresh();
      return t('record.done');
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('record.formLabel')} className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_2fr] lg:grid-cols-[1fr_2fr_3fr_auto] lg:items-end" noValidate>
      <div className="sm:col-span-2 lg:col-span-4">
        <FormAlert message={form.alert} />
      </div>
      <SelectField label={t('record.kind')} name="kind" value={values.kind} onChange={(e) => setValues({ ...values, kind: e.target.value })} options={KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))} />
      <TextField
        label={t('record.email')}
        name="subjectEmail"
        type="email"
        value={values.subjectEmail}
        onChange={(e) => setValues({ ...values, subjectEmail: e.target.value })}
        error={form.errors.subjectEmail}
        required
        dir="ltr"
      />
      <TextField label={t('record.details')} name="details" value={values.details} onChange={(e) => setValues({ ...values, details: e.target.value })} error={form.errors.details} />
      <button type="submit" disabled={form.pending} className={buttonClass('primary')}>
        {t('record.submit')}
      </button>
      <div className="sm:col-span-2 lg:col-span-4">
        <FormStatus message={form.status} />
      </div>
    </form>
  );
}

/** Completes one request with what was done. */
export function CompletePrivacyRequest({ id }: { id: string }) {
  const t = useTranslations('operatorPrivacy.complete');
  const router = useRouter();
  const [outcome, setOutcome] = useState('');
  const form = useFormSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      await api(`/api/platform/privacy-requests/${encodeURIComponent(id)}/complete`, { method: 'POST', json: { outcome } });
      router.refresh();
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('formLabel')} className="flex flex-wrap items-end gap-2">
      <TextField label={t('outcome')} name="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)} error={form.errors.outcome ?? form.alert ?? undefined} required />
      <button type="submit" disabled={form.pending} className={buttonClass('secondary', '', 'sm')}>
        {t('submit')}
      </button>
    </form>
  );
}
