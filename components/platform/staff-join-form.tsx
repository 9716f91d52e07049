'use client';

import { signIn } from 'next-auth/react';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';

/**
 * Accepts an invitation to the staff, then signs in with the same password. Without 2FA yet the
 * console sends the new staff member to set it up; with 2FA on, the sign-in page asks for a code.
 */
export function StaffJoinForm({ token, email, existingAccount }: { token: string; email: string; existingAccount: boolean }) {
  const { errors, alert, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    const name = String(form.get('name') ?? '');
    void submit(async () => {
      await api(`/api/operator/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', json: existingAccount ? { password } : { name, password } });
      const result = await signIn('credentials', { email, password, redirect: false });
      window.location.assign(result?.ok && !result.error ? '/operator' : `/operator/signin`);
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-4" aria-label="Join the staff">
      <FormAlert message={alert} />
      <TextField label="Email" name="email" type="email" value={email} readOnly />
      {existingAccount ? null : <TextField label="Your name" name="name" autoComplete="name" required error={errors.name} />}
      <TextField
        label={existingAccount ? 'Your Waypoint password' : 'Choose a password'}
        name="password"
        type="password"
        autoComplete={existingAccount ? 'current-password' : 'new-password'}
        required
        error={errors.password}
        hint={existingAccount ? undefined : 'At least 10 characters.'}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Joining…' : 'Join the staff'}
      </Button>
    </form>
  );
}
