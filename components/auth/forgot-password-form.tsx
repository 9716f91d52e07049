'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';

/** Asks for a password link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm({ initialEmail = '' }: { initialEmail?: string }) {
  const t = useTranslations('authPages.forgot');
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Read at submit: people (and tests) may type before the page has hydrated.
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    void submit(async () => (await api<{ message: string }>('/api/password-reset', { method: 'POST', json: { email } })).message);
  }

  return (
    <form onSubmit={onSubmit} method="post" noValidate aria-label={t('formLabel')} className="flex flex-col gap-4">
      <FormAlert message={alert} />
      <TextField label={t('email')} name="email" type="email" autoComplete="username" required defaultValue={initialEmail} error={errors.email} />
      <Button type="submit" disabled={pending}>
        {pending ? t('sending') : t('submit')}
      </Button>
      <FormStatus message={status} />
    </form>
  );
}
