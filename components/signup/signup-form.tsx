'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { suggestSlug } from '@/lib/signup/signup-schema';

type Fields = 'name' | 'email' | 'password' | 'workspaceName' | 'slug';

export function SignupForm({ rootDomain }: { rootDomain: string }) {
  const t = useTranslations('signup.form');
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
      // The page's language: the answer and the email speak it (app/api/signup/route.ts).
      const response = await fetch('/api/signup', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': document.documentElement.lang || 'en' }, body: JSON.stringify(form) });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        setSent(body.message);
        setPending(false);
        return;
      }
      setErrors(body.errors ?? {});
      setAlert(body.errors ? null : (body.detail ?? t('failed')));
    } catch {
      setAlert(t('unreachable'));
    }
    setPending(false);
  }

  if (sent) {
    return (
      <div role="status" className="mt-8 rounded-md border border-green-200 bg-green-50 px-4 py-3 text-green-900">
        <h2 className="font-semibold">{t('checkEmail')}</h2>
        <p className="mt-1 text-sm">{sent}</p>
        <p className="mt-2 text-sm">{t('nothingYet')}</p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} method="post" noValidate className="mt-8 flex flex-col gap-5" aria-label={t('label')}>
      <FormAlert message={alert} />
      <TextField label={t('yourName')} name="name" autoComplete="name" required value={values.name} onChange={(e) => set('name', e.target.value)} error={errors.name} />
      <TextField label={t('workEmail')} name="email" type="email" autoComplete="email" required value={values.email} onChange={(e) => set('email', e.target.value)} error={errors.email} />
      <TextField
        label={t('password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        value={values.password}
        onChange={(e) => set('password', e.target.value)}
        error={errors.password}
        hint={t('passwordHint')}
      />
      <TextField label={t('workspaceName')} name="workspaceName" required value={values.workspaceName} onChange={(e) => set('workspaceName', e.target.value)} error={errors.workspaceName} />
      <TextField
        label={t('address')}
        name="slug"
        required
        value={values.slug}
        onChange={(e) => set('slug', e.target.value.toLowerCase())}
        error={errors.slug}
        hint={t.rich('addressHint', {
          slug: values.slug || t('exampleSlug'),
          domain: rootDomain,
          // An address reads left to right in a right-to-left page too.
          address: (chunks) => <strong dir="ltr">{chunks}</strong>,
        })}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t('sending') : t('create')}
      </Button>
    </form>
  );
}
