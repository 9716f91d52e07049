'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';

interface AcceptInvitationFormProps {
  /** The route that accepts the token: new account { name, password }, existing { password }. */
  acceptUrl: string;
  email: string;
  existingAccount: boolean;
  /** Where the person lands once signed in, and the sign-in page if signing in does not go through (e.g. 2FA asks for a code). */
  home: string;
  signInPath: string;
  label: string;
  /** The button, "Continue" and "Setting up…" by default. */
  submitLabel?: string;
  pendingLabel?: string;
}

/** Accepts an invitation on the root domain (staff, reseller, partner), then signs in with the same password. */
export function AcceptInvitationForm({ acceptUrl, email, existingAccount, home, signInPath, label, submitLabel, pendingLabel }: AcceptInvitationFormProps) {
  const t = useTranslations('authPages.acceptInvitation');
  const { errors, alert, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    const name = String(form.get('name') ?? '');
    void submit(async () => {
      await api(acceptUrl, { method: 'POST', json: existingAccount ? { password } : { name, password } });
      const result = await signIn('credentials', { email, password, redirect: false });
      window.location.assign(result?.ok && !result.error ? home : signInPath);
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-4" aria-label={label}>
      <FormAlert message={alert} />
      <TextField label={t('email')} name="email" type="email" value={email} readOnly />
      {existingAccount ? null : <TextField label={t('yourName')} name="name" autoComplete="name" required error={errors.name} />}
      <TextField
        label={existingAccount ? t('waypointPassword') : t('choosePassword')}
        name="password"
        type="password"
        autoComplete={existingAccount ? 'current-password' : 'new-password'}
        required
        error={errors.password}
        hint={existingAccount ? undefined : t('hint')}
      />
      <Button type="submit" disabled={pending}>
        {pending ? (pendingLabel ?? t('settingUp')) : (submitLabel ?? t('continue'))}
      </Button>
    </form>
  );
}
