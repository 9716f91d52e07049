'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { suggestSlug } from '@/lib/signup/signup-schema';

type Fields = 'name' | 'email' | 'password' | 'workspaceName' | 'slug';

export function SignupForm({ rootDomain }: { rootDomain: string }) {
  const [values, setValues] = useState<Record<Fields, string>>({ name: '', email: '', password: '', workspaceName: '', slug: '' });
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [sent, setSent] = useState<string | null>(null);

  function set(field: Fields, value: string) {
    setValues((current) => {
      const next = { ...current, [field]: value };
      if (field === 'workspaceName' && !slugEdited) next.slug = suggestSlug(value);
      return next;
    });
    if (field === 'slug') setSlugEdited(true);
    // The error was about the old value: it goes once the field is edited.
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setAlert(null);
    setErrors({});
    // The form's own fields are the truth: people may type before the page has hydrated.
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<Fields, string>;
    setValues(form);
    try {
      const response = await fetch('/api/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(form) });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        setSent(body.message);
        setPending(false);
        return;
      }
      setErrors(body.errors ?? {});
      setAlert(body.errors ? null : (body.detail ?? 'Sign-up failed. Try again.'));
    } catch {
      setAlert('Could not reach Waypoint. Check your connection and try again.');
    }
    setPending(false);
  }

  if (sent) {
    return (
      <div role="status" className="mt-8 rounded-md border border-green-200 bg-green-50 px-4 py-3 text-green-900">
        <h2 className="font-semibold">Check your email</h2>
        <p className="mt-1 text-sm">{sent}</p>
        <p className="mt-2 text-sm">Nothing is created until you follow the link. Not there? Check your spam folder, or sign up again in a few minutes.</p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} method="post" noValidate className="mt-8 flex flex-col gap-5" aria-label="Create your workspace">
      <FormAlert message={alert} />
      <TextField label="Your name" name="name" autoComplete="name" required value={values.name} onChange={(e) => set('name', e.target.value)} error={errors.name} />
      <TextField label="Work email" name="email" type="email" autoComplete="email" required value={values.email} onChange={(e) => set('email', e.target.value)} error={errors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        value={values.password}
        onChange={(e) => set('password', e.target.value)}
        error={errors.password}
        hint="At least 10 characters."
      />
      <TextField label="Workspace name" name="workspaceName" required value={values.workspaceName} onChange={(e) => set('workspaceName', e.target.value)} error={errors.workspaceName} />
      <TextField
        label="Workspace address"
        name="slug"
        required
        value={values.slug}
        onChange={(e) => set('slug', e.target.value.toLowerCase())}
        error={errors.slug}
        hint={
          <>
            Your workspace will live at <strong>{values.slug || 'your-team'}.{rootDomain}</strong>
          </>
        }
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Sending…' : 'Create workspace'}
      </Button>
    </form>
  );
}
