'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { ssoApi } from './sso-requests';

/** A new SAML connection from the IdP's metadata, pasted as XML or fetched from its URL. */
export function AddConnectionForm({ onAdded }: { onAdded: () => void }) {
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
      return 'Connection saved.';
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Add a SAML connection">
      <FormAlert message={alert} />
      <TextField label="Connection name" name="name" placeholder="Okta" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 text-sm font-medium text-slate-800">IdP metadata</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="source" value="xml" checked={source === 'xml'} onChange={() => setSource('xml')} className="accent-brand" />
          Paste XML
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="source" value="url" checked={source === 'url'} onChange={() => setSource('url')} className="accent-brand" />
          Metadata URL
        </label>
      </fieldset>
      {source === 'xml' ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="metadataXml" className="text-sm font-medium text-slate-800">
            Metadata XML
          </label>
          <textarea
            id="metadataXml"
            name="metadataXml"
            rows={8}
            value={metadataXml}
            onChange={(e) => setMetadataXml(e.target.value)}
            placeholder="<md:EntityDescriptor …>"
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
        <TextField label="Metadata URL" name="metadataUrl" type="url" placeholder="https://example.okta.com/app/…/sso/saml/metadata" value={metadataUrl} onChange={(e) => setMetadataUrl(e.target.value)} error={errors.metadataUrl} />
      )}
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Add connection'}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}
