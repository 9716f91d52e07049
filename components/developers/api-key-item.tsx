'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import type { ApiKeyView } from '@/lib/api-keys/api-key-schema';
import { ApiError } from '@/lib/http/api-client';
import type { KeyWithSecret } from './api-key-requests';
import { useRevokeApiKey, useRotateApiKey } from './use-api-key-mutations';
import { useFormat } from '@/lib/format/format-context';

const STATUS_STYLES: Record<ApiKeyView['status'], string> = {
  active: 'bg-green-100 text-green-800',
  revoked: 'bg-slate-200 text-slate-700',
  expired: 'bg-amber-100 text-amber-800',
};

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

interface Props {
  apiKey: ApiKeyView;
  onRotated: (result: KeyWithSecret, graceHours: number) => void;
  onError: (message: string) => void;
}

/** One key: what it may do and how it was used, with Rotate and Revoke. */
export function ApiKeyItem({ apiKey, onRotated, onError }: Props) {
  const fmt = useFormat();
  const t = useTranslations('apiKeys');
  const titleId = useId();
  const [rotating, setRotating] = useState(false);
  const [graceHours, setGraceHours] = useState('24');
  const rotate = useRotateApiKey();
  const revoke = useRevokeApiKey();
  const when = (iso: string | null, none: string) => (iso ? fmt.dateTime(iso) : none);
  const graceError = rotate.error instanceof ApiError ? (rotate.error.fields.graceHours ?? rotate.error.message) : undefined;

  function submitRotation(event: FormEvent) {
    event.preventDefault();
    // An emptied field means the usual grace period rather than none.
    const hours = graceHours.trim() === '' ? 24 : Number(graceHours);
    rotate.mutate(
      { keyId: apiKey.id, graceHours: hours },
      {
        onSuccess: (result) => {
          setRotating(false);
          onRotated(result, hours);
        },
      },
    );
  }

  function confirmRevoke() {
    if (!window.confirm(t('item.confirmRevoke', { name: apiKey.name }))) return;
    revoke.mutate(apiKey.id, { onError: (error) => onError(error.message) });
  }

  return (
    <li aria-labelledby={titleId} className="rounded-lg border border-slate-200 p-4" data-testid="api-key-item">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h3 id={titleId} className="font-semibold text-slate-900">
            {apiKey.name}
          </h3>
          <code dir="ltr" className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700">
            {t('item.masked', { prefix: apiKey.prefix, last4: apiKey.last4 })}
          </code>
          <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLES[apiKey.status]}`} data-testid="api-key-status">
            {t(`status.${apiKey.status}`)}
          </span>
        </div>
        {apiKey.status === 'revoked' ? null : (
          <div className="flex gap-2">
            {apiKey.status === 'active' ? (
              <Button type="button" variant="secondary" aria-label={t('item.rotateLabel', { name: apiKey.name })} aria-expanded={rotating} onClick={() => setRotating(!rotating)}>
                {t('item.rotate')}
              </Button>
            ) : null}
            <Button type="button" variant="ghost" aria-label={t('item.revokeLabel', { name: apiKey.name })} onClick={confirmRevoke} disabled={revoke.isPending}>
              {t('item.revoke')}
            </Button>
          </div>
        )}
      </div>
      {rotating ? (
        <form onSubmit={submitRotation} noValidate aria-label={t('item.rotateFormLabel', { name: apiKey.name })} className="mt-4 flex flex-wrap items-end gap-3 rounded-md bg-slate-50 p-3">
          <TextField
            label={t('item.graceLabel')}
            name="graceHours"
            type="number"
            min={0}
            max={168}
            value={graceHours}
            onChange={(e) => setGraceHours(e.target.value)}
            error={graceError}
            hint={t('item.graceHint')}
            className="w-64"
          />
          <Button type="submit" disabled={rotate.isPending}>
            {t('item.rotateKey')}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setRotating(false)}>
            {t('item.cancel')}
          </Button>
        </form>
      ) : null}
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-4">
        <Detail label={t('item.scopes')}>
          <span dir="ltr" className="font-mono text-xs">
            {apiKey.scopes.join(', ')}
          </span>
        </Detail>
        <Detail label={t('item.tier')}>{t(`tiers.${apiKey.tier}`)}</Detail>
        <Detail label={t('item.createdBy')}>{apiKey.createdBy ? (apiKey.createdBy.name ?? apiKey.createdBy.email) : t('item.formerMember')}</Detail>
        <Detail label={t('item.created')}>{when(apiKey.createdAt, '')}</Detail>
        <Detail label={t('item.lastUsed')}>{when(apiKey.lastUsedAt, t('item.never'))}</Detail>
        <Detail label={t('item.requests')}>{fmt.number(apiKey.requestCount)}</Detail>
        <Detail label={t('item.expires')}>{when(apiKey.expiresAt, t('item.never'))}</Detail>
        <Detail label={t('item.ipAllowlist')}>
          {apiKey.ipAllowlist.length ? (
            <span dir="ltr" className="font-mono text-xs break-all">
              {apiKey.ipAllowlist.join(', ')}
            </span>
          ) : (
            t('item.anyAddress')
          )}
        </Detail>
      </dl>
      {apiKey.previousSecretValidUntil ? <p className="mt-3 text-xs text-slate-600">{t('item.previousUntil', { date: fmt.dateTime(apiKey.previousSecretValidUntil) })}</p> : null}
    </li>
  );
}
