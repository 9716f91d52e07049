'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';

export interface BrandingLinks {
  supportEmail: string;
  termsUrl: string;
  privacyUrl: string;
}

/**
 * The part of branding every plan includes (support and legal links), for a workspace whose
 * plan lacks custom branding. It sends the brand the workspace is served (the defaults), so
 * the server saves the links and leaves the stored brand alone: this form never fails on a
 * locked feature.
 */
export function BrandingLinksForm({ initial, served }: { initial: BrandingLinks; served: { primaryColor: string; secondaryColor: string; accentColor: string } }) {
  const t = useTranslations('branding');
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const { errors, alert, status, pending, submit } = useFormSubmit({ fieldsAlert: t('fieldsAlert') });
  const set = (key: keyof BrandingLinks, value: string) => setValues((current) => ({ ...current, [key]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      await api('/api/app/settings/branding', {
        method: 'PATCH',
        json: { ...served, customCss: '', terminology: {}, emailFromName: '', hidePoweredBy: false, ...values },
      });
      router.refresh();
      return t('linksCard.saved');
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('linksCard.title')}>
      <FormAlert message={alert} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t('links.supportEmail')} name="supportEmail" type="email" value={values.supportEmail} onChange={(e) => set('supportEmail', e.target.value)} error={errors.supportEmail} />
        <TextField label={t('links.termsUrl')} name="termsUrl" value={values.termsUrl} onChange={(e) => set('termsUrl', e.target.value)} error={errors.termsUrl} placeholder="https://" />
        <TextField label={t('links.privacyUrl')} name="privacyUrl" value={values.privacyUrl} onChange={(e) => set('privacyUrl', e.target.value)} error={errors.privacyUrl} placeholder="https://" />
      </div>
      <div className="flex items-center gap-4">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t('saving') : t('linksCard.save')}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}
