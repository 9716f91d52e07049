'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';

/** The emailed link's last step: creates the workspace (at this address) and goes to it. */
export function ConfirmSignupForm({ token, slug: initialSlug, rootDomain }: { token: string; slug: string; rootDomain: string }) {
  const t = useTranslations('signup');
  const { errors, alert, pending, submit } = useFormSubmit();
  const [slug, setSlug] = useState(initialSlug);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = String(new FormData(event.currentTarget).get('slug') ?? '');
    void submit(async () => {
      const { redirectTo } = await api<{ redirectTo: string }>(`/api/signup/${encodeURIComponent(token)}`, { method: 'POST', json: { slug: chosen } });
      window.location.assign(redirectTo);
    });
  }

  return (
    <form onSubmit={onSubmit} method="post" noValidate aria-label={t('confirmForm.label')} className="flex flex-col gap-5">
      <FormAlert message={alert} />
      <TextField
        label={t('form.address')}
        name="slug"
        required
        value={slug}
        onChange={(e) => setSlug(e.target.value.toLowerCase())}
        error={errors.slug}
        hint={t.rich('form.addressHint', {
          slug: slug || t('form.exampleSlug'),
          domain: rootDomain,
          // An address reads left to right in a right-to-left page too.
          address: (chunks) => <strong dir="ltr">{chunks}</strong>,
        })}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t('confirmForm.creating') : t('confirmForm.create')}
      </Button>
    </form>
  );
}
