'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { ssoApi } from './sso-requests';

/** A new SAML connection from the IdP's metadata, pasted as XML or fetched from its URL. */
export function AddConnectionForm({ onAdded }: { onAdded: () => void }) {
  const t = useTranslations('sso.add');
  const [source, setSource] = useState<'xml' | 'url'>('xml');
  const [name, setName] = useState('');
  const [metadataXml, setMetadataXml] = useState('');
  const [metadataUrl, setMetadataUrl] = useState('');
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      await ssoApi.addConnection(source === 'xml' ? { name, metadataXml } : { name, metadataUrl });
      setName('');
      setMetadataXml('');
      setMetadataUrl('');
      onAdded();
      return t('saved');
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('formLabel')}>
      <FormAlert message={alert} />
      <TextField label={t('name')} name="name" placeholder={t('namePlaceholder')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('metadata')}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="source" value="xml" checked={source === 'xml'} onChange={() => setSource('xml')} className="accent-brand" />
          {t('pasteXml')}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="source" value="url" checked={source === 'url'} onChange={() => setSource('url')} className="accent-brand" />
          {t('metadataUrl')}
        </label>
      </fieldset>
      {source === 'xml' ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="metadataXml" className="text-sm font-medium text-slate-800">
            {t('metadataXml')}
          </label>
          <textarea
            id="metadataXml"
            name="metadataXml"
            rows={8}
            value={metadataXml}
            onChange={(e) => setMetadataXml(e.target.value)}
            placeholder={t('metadataXmlPlaceholder')}
            dir="ltr"
            aria-invalid={errors.metadataXml ? true : undefined}
            aria-describedby={errors.metadataXml ? 'metadataXml-error' : undefined}
            className={`rounded-md border px-3 py-2 font-mono text-xs ${errors.metadataXml ? 'border-red-500' : 'border-slate-300'}`}
          />
          {errors.metadataXml ? (
            <p id="metadataXml-error" className="text-sm text-red-600">
              {errors.metadataXml}
            </p>
          ) : null}
        </div>
      ) : (
        <TextField label={t('metadataUrl')} name="metadataUrl" type="url" dir="ltr" placeholder={t('metadataUrlPlaceholder')} value={metadataUrl} onChange={(e) => setMetadataUrl(e.target.value)} error={errors.metadataUrl} />
      )}
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('submit')}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}
