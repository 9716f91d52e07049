'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';

interface Candidate {
  membershipId: string;
  label: string;
}

export function DangerZone({ slug, isOwner, candidates }: { slug: string; isOwner: boolean; candidates: Candidate[] }) {
  const t = useTranslations('settingsGeneral.danger');
  const [newOwner, setNewOwner] = useState(candidates[0]?.membershipId ?? '');
  const [confirmSlug, setConfirmSlug] = useState('');
  const { errors, alert, submit: run } = useFormSubmit();

  const transfer = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api('/api/app/settings/transfer-ownership', { method: 'POST', json: { membershipId: newOwner } });
      window.location.reload();
    });
  };
  const remove = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { redirectTo } = await api<{ redirectTo: string }>('/api/app/settings/workspace', { method: 'DELETE', json: { confirmSlug } });
      window.location.assign(redirectTo);
    });
  };
  const leave = () =>
    void run(async () => {
      if (!window.confirm(t('leaveConfirm'))) return;
      const { redirectTo } = await api<{ redirectTo: string }>('/api/app/members/me', { method: 'DELETE' });
      window.location.assign(redirectTo);
    });

  return (
    <div className="flex flex-col gap-6">
      <FormAlert message={alert} />
      {isOwner ? (
        <form onSubmit={transfer} className="flex flex-col gap-3" aria-label={t('transfer')}>
          <h3 className="font-semibold text-slate-900">{t('transfer')}</h3>
          <p className="text-sm text-slate-600">{t('transferHint')}</p>
          {candidates.length ? (
            <div className="flex flex-wrap items-end gap-3">
              <SelectField label={t('newOwner')} value={newOwner} onChange={(e) => setNewOwner(e.target.value)} options={candidates.map((c) => ({ value: c.membershipId, label: c.label }))} error={errors.membershipId} />
              <Button type="submit" variant="secondary">
                {t('transfer')}
              </Button>
            </div>
          ) : (
            <p className="text-sm text-slate-500">{t('nobodyToTransfer')}</p>
          )}
        </form>
      ) : null}
      <div className="flex flex-col gap-3">
        <h3 className="font-semibold text-slate-900">{t('leave')}</h3>
        <p className="text-sm text-slate-600">{t('leaveHint')}</p>
        <div>
          <Button type="button" variant="secondary" onClick={leave}>
            {t('leave')}
          </Button>
        </div>
      </div>
      {isOwner ? (
        <form onSubmit={remove} className="flex flex-col gap-3" aria-label={t('delete')}>
          <h3 className="font-semibold text-red-700">{t('delete')}</h3>
          <p className="text-sm text-slate-600">{t('deleteHint')}</p>
          <TextField label={t('typeToConfirm', { slug })} value={confirmSlug} onChange={(e) => setConfirmSlug(e.target.value)} error={errors.confirmSlug} autoComplete="off" />
          <div>
            <button type="submit" disabled={confirmSlug !== slug} className="rounded-md bg-red-600 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50">
              {t('deleteButton')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
