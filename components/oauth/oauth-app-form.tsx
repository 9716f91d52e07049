'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/http/api-client';
import type { OAuthAppView } from '@/lib/oauth/app-schema';
import { ClientTypeField } from './client-type';
import type { ClientType, OAuthAppInput } from './oauth-app-requests';
import { newUriRow, RedirectUrisEditor, type UriRow } from './redirect-uris-editor';
import { ScopePicker, type ScopeOption } from './scope-picker';

/** The first error of a field or of its entries ("redirectUris.1" names the URI it is about). */
function fieldError(fields: Record<string, string>, name: string, entries: string[] = [], about?: (subject: string, message: string) => string): string | undefined {
  if (fields[name]) return fields[name];
  const entry = Object.keys(fields).find((key) => key.startsWith(`${name}.`));
  if (!entry) return undefined;
  const index = Number(entry.slice(name.length + 1).split('.')[0]);
  const subject = entries[index];
  return subject && about ? about(subject, fields[entry]) : fields[entry];
}

interface Props {
  /** The accessible name of the form, e.g. "Register an app". */
  label: string;
  submitLabel: string;
  pendingLabel: string;
  scopes: ScopeOption[];
  /** The app being edited; none when registering one (only then is the client type chosen). */
  initial?: OAuthAppView;
  pending: boolean;
  /** The mutation's error: field errors go next to their fields, the rest above the form. */
  error: Error | null;
  onSubmit: (input: OAuthAppInput) => void;
  onCancel?: () => void;
}

export function OAuthAppForm({ label, submitLabel, pendingLabel, scopes, initial, pending, error, onSubmit, onCancel }: Props) {
  const t = useTranslations('oauthApps.form');
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [logoUrl, setLogoUrl] = useState(initial?.logoUrl ?? '');
  const [homepageUrl, setHomepageUrl] = useState(initial?.homepageUrl ?? '');
  const [uris, setUris] = useState<UriRow[]>(() => (initial?.redirectUris.length ? initial.redirectUris.map((uri) => newUriRow(uri)) : [newUriRow()]));
  const [clientType, setClientType] = useState<ClientType>(initial?.clientType ?? 'confidential');
  const [allowedScopes, setAllowedScopes] = useState<string[]>(initial?.allowedScopes ?? []);
  const [local, setLocal] = useState<Record<string, string>>({});
  // The URIs as sent, so a server error about "redirectUris.2" can name the URI.
  const [sentUris, setSentUris] = useState<string[]>([]);

  const server = error instanceof ApiError ? error.fields : {};
  const fields = { ...server, ...local };
  const alert = error && Object.keys(server).length === 0 ? error.message : null;

  // An optional text: left out when empty on create, cleared (null) on edit.
  const optional = (value: string) => (value.trim() ? value.trim() : initial ? null : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const redirectUris = uris.map((row) => row.value.trim()).filter(Boolean);
    if (!name.trim()) problems.name = t('nameMissing');
    if (redirectUris.length === 0) problems.redirectUris = t('uriMissing');
    else if (new Set(redirectUris).size !== redirectUris.length) problems.redirectUris = t('uriTwice');
    if (allowedScopes.length === 0) problems.allowedScopes = t('scopeMissing');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    setSentUris(redirectUris);
    const input: OAuthAppInput = {
      name: name.trim(),
      description: optional(description),
      logoUrl: optional(logoUrl),
      homepageUrl: optional(homepageUrl),
      redirectUris,
      clientType,
      // In the catalog's order, whatever order they were ticked in.
      allowedScopes: scopes.map(({ scope }) => scope).filter((scope) => allowedScopes.includes(scope)),
    };
    onSubmit(input);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={label} className="flex flex-col gap-5">
      <FormAlert message={alert} />
      <TextField label={t('name')} name="name" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} error={fields.name} hint={t('nameHint')} />
      <TextField label={t('description')} name="description" maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} error={fields.description} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('logoUrl')}
          name="logoUrl"
          type="url"
          dir="ltr"
          maxLength={2048}
          value={logoUrl}
          onChange={(e) => setLogoUrl(e.target.value)}
          error={fields.logoUrl}
          placeholder="https://example.com/logo.png"
          hint={t('logoUrlHint')}
        />
        <TextField
          label={t('homepageUrl')}
          name="homepageUrl"
          type="url"
          dir="ltr"
          maxLength={2048}
          value={homepageUrl}
          onChange={(e) => setHomepageUrl(e.target.value)}
          error={fields.homepageUrl}
          placeholder="https://example.com"
        />
      </div>
      <RedirectUrisEditor rows={uris} onChange={setUris} error={fieldError(fields, 'redirectUris', sentUris, (subject, message) => t('aboutUri', { uri: subject, message }))} />
      {initial ? null : <ClientTypeField value={clientType} onChange={setClientType} error={fields.clientType} />}
      <ScopePicker
        legend={t('allowedScopes')}
        hint={t('allowedScopesHint')}
        scopes={scopes}
        value={allowedScopes}
        onChange={setAllowedScopes}
        error={fieldError(fields, 'allowedScopes')}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" variant="ghost" onClick={onCancel}>
            {t('cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
