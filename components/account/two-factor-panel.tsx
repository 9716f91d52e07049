'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import type { Enrolment, TwoFactorStatus } from '@/lib/account/two-factor-types';
import { api } from '@/lib/http/api-client';

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations('account.twoFactor');
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-3 rounded-md border border-amber-300 bg-amber-50 p-4" data-testid="recovery-codes">
      <p className="text-sm font-semibold text-amber-900">{t('saveNow')}</p>
      <p className="text-sm text-amber-900">{t('saveHint')}</p>
      <ul className="grid grid-cols-2 gap-2 font-mono text-sm text-slate-900" dir="ltr">
        {codes.map((code) => (
          <li key={code} data-testid="recovery-code">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            void navigator.clipboard
              ?.writeText(codes.join('\n'))
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          {copied ? t('copied') : t('copy')}
        </Button>
        <Button type="button" onClick={onDone}>
          {t('saved')}
        </Button>
      </div>
    </div>
  );
}

interface TwoFactorPanelProps {
  initial: TwoFactorStatus;
  /** Why it is required of this person, when it is (shown until it is on). */
  required: string | null;
  /** The routes: a workspace member's, or platform staff's. */
  basePath?: string;
  /** Platform staff cannot turn it off (lib/account/two-factor.ts): no form for it. */
  canTurnOff?: boolean;
}

/** Two-factor sign-in: set up with an authenticator app, recovery codes, turn off. */
export function TwoFactorPanel({ initial, required, basePath = '/api/app/account/two-factor', canTurnOff = true }: TwoFactorPanelProps) {
  const t = useTranslations('account.twoFactor');
  const router = useRouter();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const start = useFormSubmit();
  const confirm = useFormSubmit();
  const regenerate = useFormSubmit();
  const disable = useFormSubmit();

  const done = () => {
    setCodes(null);
    router.refresh();
  };

  if (codes) return <RecoveryCodes codes={codes} onDone={done} />;

  if (!initial.enabled) {
    if (!initial.hasPassword) {
      return <p className="text-sm text-slate-700">{t('needsPassword')}</p>;
    }
    if (!enrolment) {
      return (
        <div className="flex flex-col gap-3">
          {required ? <FormAlert message={t('requiredSetUp', { required })} /> : null}
          <p className="text-sm text-slate-700">
            <Badge tone="neutral">{t('off')}</Badge> {t('offText')}
          </p>
          <FormAlert message={start.alert} />
          <div>
            <Button type="button" disabled={start.pending} onClick={() => void start.submit(async () => setEnrolment(await api<Enrolment>(basePath, { method: 'POST' })))}>
              {t('setUp')}
            </Button>
          </div>
        </div>
      );
    }
    const onConfirm = (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const code = String(new FormData(event.currentTarget).get('code') ?? '');
      void confirm.submit(async () => {
        const result = await api<{ recoveryCodes: string[] }>(`${basePath}/confirm`, { method: 'POST', json: { code } });
        setEnrolment(null);
        setCodes(result.recoveryCodes);
      });
    };
    return (
      <div className="flex flex-col gap-4">
        <ol className="list-decimal space-y-1 ps-5 text-sm text-slate-700">
          <li>{t('scan')}</li>
          <li>{t('enterCode')}</li>
        </ol>
        <img src={enrolment.qrCode} alt={t('qrAlt')} width={220} height={220} className="rounded-md border border-slate-200" />
        <div className="min-w-0">
          <p className="text-sm font-medium text-slate-800">{t('key')}</p>
          <code data-testid="totp-secret" dir="ltr" className="block break-all rounded bg-slate-100 px-2 py-1 font-mono text-sm text-slate-900">
            {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
          </code>
        </div>
        <form onSubmit={onConfirm} noValidate className="flex flex-col gap-3" aria-label={t('confirmLabel')}>
          <FormAlert message={confirm.alert} />
          <TextField label={t('code')} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required error={confirm.errors.code} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={confirm.pending}>
              {confirm.pending ? t('checking') : t('turnOn')}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setEnrolment(null)}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      </div>
    );
  }

  const onRegenerate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const code = String(new FormData(form).get('code') ?? '');
    void regenerate.submit(async () => {
      const result = await api<{ recoveryCodes: string[] }>(`${basePath}/recovery-codes`, { method: 'POST', json: { code } });
      form.reset();
      setCodes(result.recoveryCodes);
    });
  };
  const onDisable = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const code = String(data.get('code') ?? '');
    const password = String(data.get('password') ?? '');
    void disable.submit(async () => {
      await api(`${basePath}/disable`, { method: 'POST', json: { code, password } });
      router.refresh();
    });
  };
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-slate-700" data-testid="two-factor-status">
        <Badge tone="success">{t('on')}</Badge> {t('onText', { count: initial.recoveryCodesLeft })}
      </p>
      <form onSubmit={onRegenerate} noValidate className="flex flex-col gap-3" aria-label={t('newCodes')}>
        <h3 className="text-sm font-semibold text-slate-900">{t('newCodes')}</h3>
        <FormAlert message={regenerate.alert} />
        <TextField label={t('code')} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required error={regenerate.errors.code} hint={t('newCodesHint')} />
        <div>
          <Button type="submit" variant="secondary" disabled={regenerate.pending}>
            {t('makeNewCodes')}
          </Button>
        </div>
      </form>
      {canTurnOff ? (
        <form onSubmit={onDisable} noValidate className="flex flex-col gap-3" aria-label={t('turnOffLabel')}>
          <h3 className="text-sm font-semibold text-slate-900">{t('turnOffHeading')}</h3>
          {required ? <p className="text-sm text-amber-800">{t('requiredAgain', { required })}</p> : null}
          <FormAlert message={disable.alert} />
          <TextField label={t('codeOrRecovery')} name="code" autoComplete="one-time-code" error={disable.errors.code} />
          <TextField label={t('orPassword')} name="password" type="password" autoComplete="current-password" error={disable.errors.password} />
          <div>
            <Button type="submit" variant="danger" disabled={disable.pending}>
              {t('turnOff')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
