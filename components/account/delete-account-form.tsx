'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';

// What the server checks (lib/privacy/delete-account.ts): the same words in every language.
const PHRASE = 'delete my account';

/**
 * Deleting one's account: the password again (and a code with 2FA; without a password, a
 * recent sign-in), and the phrase typed out. Refused while the person is a workspace's last owner.
 */
export function DeleteAccountForm({ hasPassword, hasTwoFactor, blocker }: { hasPassword: boolean; hasTwoFactor: boolean; blocker: string | null }) {
  const t = useTranslations('account.deleteAccount');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useFormSubmit({ fieldsAlert: t('fieldsAlert') });
  if (blocker) return <p className="text-sm text-slate-700">{blocker}</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      const { redirectTo } = await api<{ redirectTo: string }>('/api/app/account/delete', { method: 'POST', json: { password: hasPassword ? password : undefined, code: hasTwoFactor ? code : undefined, confirm } });
      window.location.assign(redirectTo);
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('label')} className="flex flex-col gap-4" noValidate>
      <FormAlert message={form.alert} />
      {hasPassword ? (
        <TextField label={t('password')} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={form.errors.password} required />
      ) : (
        <p className="text-sm text-slate-600">{t('noPassword')}</p>
      )}
      {hasTwoFactor ? <TextField label={t('code')} name="code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} error={form.errors.code} required /> : null}
      <TextField label={t('confirm', { phrase: PHRASE })} name="confirm" autoComplete="off" value={confirm} onChange={(e) => setConfirm(e.target.value)} error={form.errors.confirm} required />
      <div>
        <button type="submit" disabled={form.pending || confirm !== PHRASE} className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50">
          {form.pending ? t('pending') : t('submit')}
        </button>
      </div>
    </form>
  );
}
