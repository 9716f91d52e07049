'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';
import type { AllowanceView } from '@/lib/marketplace/paid-app-allowances';

// The operator's say-so for a paid app without Stripe (/operator/apps/[appId]): allow it in a
// workspace by slug, see where it is allowed, revoke (new installs stop; installed ones stay).

const path = (appId: string, rest = '') => `/api/operator/apps/${encodeURIComponent(appId)}/allowances${rest}`;

export function PaidAppAllowances({ appId, allowances }: { appId: string; allowances: AllowanceView[] }) {
  const t = useTranslations('marketplaceOperator');
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onAllow(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void submit(async () => {
      await api(path(appId), { method: 'POST', json: { workspace: String(data.get('workspace') ?? ''), note: String(data.get('note') ?? '') } });
      form.reset();
      router.refresh();
      return t('allowed');
    });
  }

  function revoke(tenantId: string) {
    void submit(async () => {
      await api(path(appId, `/${encodeURIComponent(tenantId)}`), { method: 'DELETE' });
      router.refresh();
      return t('revoked');
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <FormAlert message={alert} />
      {allowances.length ? (
        <ul className="flex flex-col divide-y divide-slate-100 text-sm" data-testid="paid-app-allowances">
          {allowances.map((allowance) => (
            <li key={allowance.tenantId} className="flex flex-wrap items-center gap-2 py-2">
              <span className="font-medium break-all">{allowance.workspace.slug}</span>
              <span className="text-slate-600">{allowance.workspace.name}</span>
              {allowance.installed ? <span className="text-emerald-700">{t('installed')}</span> : null}
              {allowance.note ? <span className="break-words text-slate-600">{t('note', { note: allowance.note })}</span> : null}
              <Button type="button" variant="secondary" className="ms-auto" disabled={pending} onClick={() => revoke(allowance.tenantId)}>
                {t('revoke')}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t('noneAllowed')}</p>
      )}
      <form onSubmit={onAllow} noValidate className="flex flex-col gap-3" aria-label={t('allowLabel')}>
        <TextField label={t('workspace')} name="workspace" required maxLength={63} error={errors.workspace} />
        <TextField label={t('noteLabel')} name="note" maxLength={500} hint={t('noteHint')} error={errors.note} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? t('allowing') : t('allow')}
          </Button>
          <FormStatus message={status} />
        </div>
      </form>
    </div>
  );
}
