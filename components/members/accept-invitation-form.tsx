'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { ApiError, api } from '@/lib/http/api-client';

/** new: no account yet; existing: an account confirms its password; signed-in: already that account here. */
export type AcceptMode = 'new' | 'existing' | 'signed-in';

export function AcceptInvitationForm({ token, mode, email }: { token: string; mode: AcceptMode; email: string }) {
  const t = useTranslations('members.accept');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setErrors({});
    setAlert(null);
    // Read the fields at submit: people (and tests) may type before the page has hydrated.
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '');
    const password = String(form.get('password') ?? '');
    const body = mode === 'new' ? { name, password } : mode === 'existing' ? { password } : {};
    try {
      const { redirectTo } = await api<{ redirectTo: string }>(`/api/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', json: body });
      window.location.assign(redirectTo);
      return;
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      setErrors(fields);
      setAlert(Object.keys(fields).length ? null : (error as Error).message);
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} method="post" noValidate aria-label={t('formLabel')} className="flex flex-col gap-4">
      <FormAlert message={alert} />
      {mode === 'existing' ? <input type="email" name="username" autoComplete="username" value={email} readOnly hidden /> : null}
      {mode === 'new' ? <TextField label={t('name')} name="name" autoComplete="name" required error={errors.name} /> : null}
      {mode !== 'signed-in' ? (
        <TextField
          label={t('password')}
          name="password"
          type="password"
          autoComplete={mode === 'new' ? 'new-password' : 'current-password'}
          required
          error={errors.password}
          hint={mode === 'new' ? t('passwordHint') : undefined}
        />
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? t('joining') : t('submit')}
      </Button>
    </form>
  );
}
