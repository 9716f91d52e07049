'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations('account.changePassword');
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void submit(async () => {
      const { endedSessions } = await api<{ endedSessions: number }>('/api/app/account/password', {
        method: 'POST',
        json: { currentPassword: String(data.get('currentPassword') ?? ''), newPassword: String(data.get('newPassword') ?? '') },
      });
      form.reset();
      return endedSessions > 0 ? t('changedEnded', { count: endedSessions }) : t('changed');
    });
  }

  return (
    <form onSubmit={onSubmit} method="post" noValidate aria-label={t('label')} className="flex max-w-sm flex-col gap-4">
      <FormAlert message={alert} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label={t('current')} name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      <TextField label={t('new')} name="newPassword" type="password" autoComplete="new-password" required error={errors.newPassword} hint={t('newHint')} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('pending') : t('submit')}
        </Button>
      </div>
      <FormStatus message={status} />
    </form>
  );
}
