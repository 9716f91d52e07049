'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';

/** The new password, with the single-use link's token. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations('authPages.reset');
  const { errors, alert, pending, submit } = useFormSubmit();
  const [signInUrl, setSignInUrl] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    void submit(async () => {
      const result = await api<{ signInUrl: string }>(`/api/password-reset/${encodeURIComponent(token)}`, { method: 'POST', json: { password } });
      setSignInUrl(result.signInUrl);
    });
  }

  if (signInUrl) {
    return (
      <div role="status" className="flex flex-col gap-3">
        <p className="text-slate-800">{t('done')}</p>
        <Link href={signInUrl} className="font-semibold text-brand-text underline">
          {t('signIn')}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} method="post" noValidate aria-label={t('formLabel')} className="flex flex-col gap-4">
      <FormAlert message={alert} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label={t('newPassword')} name="password" type="password" autoComplete="new-password" required error={errors.password} hint={t('hint')} />
      <Button type="submit" disabled={pending}>
        {pending ? t('saving') : t('submit')}
      </Button>
    </form>
  );
}
