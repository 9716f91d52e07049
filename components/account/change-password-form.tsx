'use client';

import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';

export function ChangePasswordForm({ email }: { email: string }) {
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
      return endedSessions > 0 ? `Password changed. Your other sessions (${endedSessions}) were signed out.` : 'Password changed.';
    });
  }

  return (
    <form onSubmit={onSubmit} method="post" noValidate aria-label="Change password" className="flex max-w-sm flex-col gap-4">
      <FormAlert message={alert} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" required error={errors.newPassword} hint="At least 10 characters. Your other sessions will be signed out." />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Changing…' : 'Change password'}
        </Button>
      </div>
      <FormStatus message={status} />
    </form>
  );
}
