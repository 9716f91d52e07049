'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';
import { TextAreaField } from '@/components/ui/text-area-field';
import type { AppPricing } from '@/lib/marketplace/pricing';
import { errorFor } from './app-fields';
import { PricingFields, readPricing } from './pricing-fields';

// The partner portal's app tools (app/(platform)/partner/(portal)/apps): each form calls one
// route under /api/partner/apps and refreshes the page's server data.

type Option = { value: string; label: string };

const appPath = (appId: string, rest = '') => `/api/partner/apps/${encodeURIComponent(appId)}${rest}`;

function formValues(event: FormEvent<HTMLFormElement>): Record<string, string> {
  return Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([key, value]) => [key, String(value)]));
}

function Secret({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="flex flex-col gap-1">
      <p className="text-sm font-medium text-slate-800">{label}</p>
      <code className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm break-all" data-testid={testId}>
        {value}
      </code>
    </div>
  );
}

export function NewAppForm({ categories }: { categories: Option[] }) {
  const router = useRouter();
  const { errors, alert, pending, submit } = useFormSubmit();
  const [created, setCreated] = useState<{ id: string; name: string; clientId: string; clientSecret: string; webhookSecret: string } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = formValues(event);
    void submit(async () => {
      const answer = await api<{ app: { id: string; name: string; oauth: { clientId: string } }; clientSecret: string; webhookSecret: string }>('/api/partner/apps', {
        method: 'POST',
        json: { name: form.name, category: form.category, tagline: form.tagline, slug: form.slug },
      });
      setCreated({ id: answer.app.id, name: answer.app.name, clientId: answer.app.oauth.clientId, clientSecret: answer.clientSecret, webhookSecret: answer.webhookSecret });
      router.refresh();
    });
  }

  if (created) {
    return (
      <div className="flex flex-col gap-4" role="status" data-testid="app-created">
        <p className="text-sm text-slate-700">
          {created.name} was created as a draft. Copy the client secret now: it is not shown again (you can rotate it later). The webhook signing secret stays visible on the app&apos;s page.
        </p>
        <Secret label="Client ID" value={created.clientId} testId="client-id" />
        <Secret label="Client secret" value={created.clientSecret} testId="client-secret" />
        <Secret label="Webhook signing secret" value={created.webhookSecret} testId="webhook-secret" />
        <div>
          <Link href={`/partner/apps/${created.id}`} className="inline-flex rounded-md bg-brand px-4 py-2 text-sm font-semibold text-brand-fg hover:opacity-90">
            Continue to {created.name}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-4" aria-label="New app">
      <FormAlert message={alert} />
      <TextField label="App name" name="name" required maxLength={60} error={errors.name} />
      <SelectField label="Category" name="category" options={categories} error={errors.category} />
      <TextField label="Tagline" name="tagline" maxLength={120} hint="One line under the name in the marketplace." error={errors.tagline} />
      <TextField label="Address (optional)" name="slug" hint="Lowercase letters, digits and dashes; made from the name when left empty." error={errors.slug} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create app'}
        </Button>
      </div>
    </form>
  );
}

export interface EditableVersion {
  name: string;
  tagline: string;
  description: string;
  category: string;
  websiteUrl: string | null;
  docsUrl: string | null;
  supportUrl: string | null;
  privacyUrl: string | null;
  termsUrl: string | null;
  setupUrl: string | null;
  redirectUris: string[];
  scopes: { scope: string; justification: string }[];
  webhookEvents: string[];
  webhookUrl: string | null;
  price: AppPricing;
}

export function VersionEditor({ appId, version, categories, scopes, events }: { appId: string; version: EditableVersion; categories: Option[]; scopes: { scope: string; description: string }[]; events: string[] }) {
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit({ fieldsAlert: 'Some fields need attention: see the messages under them.' });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const chosen = scopes.filter((s) => data.get(`scope:${s.scope}`) === 'on').map((s) => ({ scope: s.scope, justification: text(`justification:${s.scope}`) }));
    void submit(async () => {
      const price = readPricing(data);
      await api(appPath(appId, '/version'), {
        method: 'PATCH',
        json: {
          name: text('name'),
          tagline: text('tagline'),
          description: text('description'),
          category: text('category'),
          websiteUrl: text('websiteUrl'),
          docsUrl: text('docsUrl'),
          supportUrl: text('supportUrl'),
          privacyUrl: text('privacyUrl'),
          termsUrl: text('termsUrl'),
          setupUrl: text('setupUrl'),
          redirectUris: text('redirectUris')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
          scopes: chosen,
          webhookEvents: events.filter((name) => data.get(`event:${name}`) === 'on'),
          webhookUrl: text('webhookUrl'),
          ...price,
        },
      });
      router.refresh();
      return 'Saved.';
    });
  }

  const requested = new Map(version.scopes.map((s) => [s.scope, s.justification]));
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label="Edit the version">
      <FormAlert message={alert} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="App name" name="name" defaultValue={version.name} maxLength={60} error={errors.name} />
        <SelectField label="Category" name="category" defaultValue={version.category} options={categories} error={errors.category} />
      </div>
      <TextField label="Tagline" name="tagline" defaultValue={version.tagline} maxLength={120} error={errors.tagline} />
      <TextAreaField label="Description (Markdown)" name="description" defaultValue={version.description} rows={8} hint="At least 80 characters. Headings, lists, links and tables; no HTML or images (screenshots show the app)." error={errors.description} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Links</legend>
        <TextField label="Website" name="websiteUrl" type="url" defaultValue={version.websiteUrl ?? ''} error={errors.websiteUrl} />
        <TextField label="Documentation" name="docsUrl" type="url" defaultValue={version.docsUrl ?? ''} error={errors.docsUrl} />
        <TextField label="Support" name="supportUrl" type="url" defaultValue={version.supportUrl ?? ''} error={errors.supportUrl} />
        <TextField label="Privacy policy" name="privacyUrl" type="url" defaultValue={version.privacyUrl ?? ''} error={errors.privacyUrl} />
        <TextField label="Terms of service" name="termsUrl" type="url" defaultValue={version.termsUrl ?? ''} error={errors.termsUrl} />
        <TextField label="Setup URL" name="setupUrl" type="url" defaultValue={version.setupUrl ?? ''} hint="Where installers land with the authorization code." error={errors.setupUrl} />
      </fieldset>
      <TextAreaField
        label="Redirect URIs (one per line)"
        name="redirectUris"
        defaultValue={version.redirectUris.join('\n')}
        rows={3}
        hint="https only when submitted; http://localhost works in your sandbox while you build."
        error={errorFor(errors, 'redirectUris')}
      />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-semibold text-slate-900">Scopes</legend>
        <p className="text-xs text-slate-500">Ask only for what the app needs, and say why: installers read your justification on the consent screen.</p>
        {errorFor(errors, 'scopes') ? <p className="text-sm text-red-600">{errorFor(errors, 'scopes')}</p> : null}
        {scopes.map((s) => (
          <div key={s.scope} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name={`scope:${s.scope}`} defaultChecked={requested.has(s.scope)} className="mt-1" />
              <span>
                <code className="font-semibold">{s.scope}</code> <span className="text-slate-600">{s.description}</span>
              </span>
            </label>
            <TextField label={`Why the app needs ${s.scope}`} name={`justification:${s.scope}`} defaultValue={requested.get(s.scope) ?? ''} maxLength={300} />
          </div>
        ))}
      </fieldset>
      <PricingFields price={version.price} errors={errors} />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-semibold text-slate-900">Webhooks</legend>
        <TextField label="Webhook URL" name="webhookUrl" type="url" defaultValue={version.webhookUrl ?? ''} hint="Events are delivered here for every workspace that installs the app, signed with the app's webhook secret." error={errors.webhookUrl} />
        {errorFor(errors, 'webhookEvents') ? <p className="text-sm text-red-600">{errorFor(errors, 'webhookEvents')}</p> : null}
        <div className="grid gap-2 sm:grid-cols-2">
          {events.map((name) => (
            <label key={name} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`event:${name}`} defaultChecked={version.webhookEvents.includes(name)} />
              <code>{name}</code>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save version'}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

export interface CheckResult {
  id: string;
  ok: boolean;
  message: string;
  label: string;
}

export function ChecksPanel({ appId, checks, canRun }: { appId: string; checks: CheckResult[]; canRun: boolean }) {
  const router = useRouter();
  const { alert, pending, submit } = useFormSubmit();
  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={alert} />
      {checks.length === 0 ? (
        <p className="text-sm text-slate-600">The checks have not run on this version yet.</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="submission-checks">
          {checks.map((check) => (
            <li key={check.id} className="flex items-start gap-2 text-sm">
              <span aria-hidden className={check.ok ? 'text-emerald-700' : 'text-red-700'}>
                {check.ok ? '✓' : '✗'}
              </span>
              <span>
                <span className="font-medium text-slate-900">{check.label}</span>
                <span className="sr-only">{check.ok ? ': passed' : ': failed'}</span>: <span className={check.ok ? 'text-slate-600' : 'text-red-700'}>{check.message}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {canRun ? (
        <div>
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            onClick={() =>
              void submit(async () => {
                await api(appPath(appId, '/checks'), { method: 'POST' });
                router.refresh();
              })
            }
          >
            {pending ? 'Checking…' : 'Run checks'}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

export function SubmitForm({ appId, resubmission }: { appId: string; resubmission: boolean }) {
  const router = useRouter();
  const { errors, alert, pending, submit } = useFormSubmit();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { note } = formValues(event);
    void submit(async () => {
      await api(appPath(appId, '/submit'), { method: 'POST', json: { note } });
      router.refresh();
    });
  }
  const problems = Object.entries(errors).filter(([key]) => key !== 'note');
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Submit for review">
      <FormAlert message={alert} />
      {problems.length ? (
        <ul className="list-disc pl-5 text-sm text-red-700" data-testid="submit-problems">
          {problems.map(([key, message]) => (
            <li key={key}>{message}</li>
          ))}
        </ul>
      ) : null}
      <TextAreaField label="Note for the reviewer (optional)" name="note" rows={3} error={errors.note} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Submitting…' : resubmission ? 'Submit again' : 'Submit for review'}
        </Button>
      </div>
    </form>
  );
}

/** A reply in the review thread (the partner's or the operator's, by endpoint). */
export function CommentForm({ endpoint, label = 'Add a comment' }: { endpoint: string; label?: string }) {
  const router = useRouter();
  const { errors, alert, pending, submit } = useFormSubmit();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { body } = formValues(event);
    const target = event.currentTarget;
    void submit(async () => {
      await api(endpoint, { method: 'POST', json: { body } });
      target.reset();
      router.refresh();
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={label}>
      <FormAlert message={alert} />
      <TextAreaField label={label} name="body" rows={3} error={errors.body} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Sending…' : 'Send comment'}
        </Button>
      </div>
    </form>
  );
}

export function ImageUploads({ appId, logoUrl, screenshots, editable }: { appId: string; logoUrl: string | null; screenshots: { id: string; url: string }[]; editable: boolean }) {
  const router = useRouter();
  const { alert, status, pending, submit } = useFormSubmit();

  function upload(kind: 'logo' | 'screenshot', file: File | undefined) {
    if (!file) return;
    void submit(async () => {
      await api(appPath(appId, `/images?kind=${kind}`), { method: 'POST', body: file, headers: { 'content-type': file.type || 'application/octet-stream' } });
      router.refresh();
      return kind === 'logo' ? 'Logo uploaded.' : 'Screenshot added.';
    });
  }

  function remove(assetId: string) {
    void submit(async () => {
      await api(appPath(appId, `/images/${encodeURIComponent(assetId)}`), { method: 'DELETE' });
      router.refresh();
      return 'Removed.';
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <FormAlert message={alert} />
      <div className="flex flex-wrap items-center gap-4">
        {logoUrl ? (
          <img src={logoUrl} alt="App logo" width={64} height={64} className="h-16 w-16 rounded-lg border border-slate-200 object-cover" />
        ) : (
          <div className="flex h-16 w-16 items-center justify-center rounded-lg border border-dashed border-slate-300 text-xs text-slate-500">No logo</div>
        )}
        {editable ? (
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Upload a logo
            <input type="file" accept="image/png,image/jpeg,image/webp,image/svg+xml" disabled={pending} onChange={(event) => upload('logo', event.target.files?.[0])} className="text-sm" data-testid="logo-input" />
            <span className="text-xs font-normal text-slate-500">PNG, JPEG, WebP or SVG, at least 128×128 px, at most 512 KB.</span>
          </label>
        ) : null}
      </div>
      <div className="flex flex-col gap-2">
        <p className="text-sm font-medium text-slate-800">Screenshots ({screenshots.length} of 5)</p>
        <ul className="flex flex-wrap gap-3">
          {screenshots.map((shot, index) => (
            <li key={shot.id} className="flex flex-col items-start gap-1">
              <img src={shot.url} alt={`Screenshot ${index + 1}`} width={160} height={90} className="h-[90px] w-40 rounded-md border border-slate-200 object-cover" />
              {editable ? (
                <Button type="button" variant="secondary" disabled={pending} onClick={() => remove(shot.id)} aria-label={`Remove screenshot ${index + 1}`}>
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
        {editable && screenshots.length < 5 ? (
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Add a screenshot
            <input type="file" accept="image/png,image/jpeg,image/webp" disabled={pending} onChange={(event) => upload('screenshot', event.target.files?.[0])} className="text-sm" />
            <span className="text-xs font-normal text-slate-500">PNG, JPEG or WebP, at least 640×360 px, at most 2 MB.</span>
          </label>
        ) : null}
      </div>
      <FormStatus message={status} />
    </div>
  );
}

/** One action button (publish, start a new version, rotate…) with its outcome shown beside it. */
export function ActionButton({ endpoint, label, pendingLabel, method = 'POST', json, variant = 'primary' }: { endpoint: string; label: string; pendingLabel: string; method?: string; json?: unknown; variant?: 'primary' | 'ghost' | 'danger' }) {
  const router = useRouter();
  const { alert, pending, submit } = useFormSubmit();
  return (
    <div className="flex flex-col gap-1">
      <div>
        <Button
          type="button"
          variant={variant}
          disabled={pending}
          onClick={() =>
            void submit(async () => {
              await api(endpoint, { method, json });
              router.refresh();
            })
          }
        >
          {pending ? pendingLabel : label}
        </Button>
      </div>
      <FormAlert message={alert} />
    </div>
  );
}

export function ClientSecretRotation({ appId }: { appId: string }) {
  const { alert, pending, submit } = useFormSubmit();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <FormAlert message={alert} />
      {secret ? <Secret label="New client secret (shown once)" value={secret} testId="rotated-client-secret" /> : null}
      <div>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            void submit(async () => {
              if (!window.confirm('Rotate the client secret? The current one stops working at once.')) return;
              const answer = await api<{ clientSecret: string }>(appPath(appId, '/client-secret'), { method: 'POST' });
              setSecret(answer.clientSecret);
            })
          }
        >
          {pending ? 'Rotating…' : 'Rotate client secret'}
        </Button>
      </div>
    </div>
  );
}

export function WebhookSecretPanel({ appId }: { appId: string }) {
  const { alert, status, pending, submit } = useFormSubmit();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <FormAlert message={alert} />
      {secret ? <Secret label="Webhook signing secret" value={secret} testId="shown-webhook-secret" /> : null}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            void submit(async () => {
              const answer = await api<{ webhookSecret: string | null }>(appPath(appId, '/webhook-secret'));
              setSecret(answer.webhookSecret);
              if (!answer.webhookSecret) return 'The app has no signing secret yet: rotate to make one.';
            })
          }
        >
          Show signing secret
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            void submit(async () => {
              if (!window.confirm('Rotate the webhook signing secret? Deliveries are signed with both secrets for 24 hours.')) return;
              const answer = await api<{ webhookSecret: string }>(appPath(appId, '/webhook-secret'), { method: 'POST' });
              setSecret(answer.webhookSecret);
            })
          }
        >
          Rotate signing secret
        </Button>
      </div>
      <FormStatus message={status} />
    </div>
  );
}

/** Deprecate (reason optional) or remove (reason required) the app: the partner's or the operator's, by base path. */
export function RetireAppForm({ base, status, appName }: { base: string; status: string; appName: string }) {
  const router = useRouter();
  const { errors, alert, status: done, pending, submit } = useFormSubmit();
  function act(form: HTMLFormElement | null, what: 'deprecate' | 'remove') {
    const reason = form ? String(new FormData(form).get('reason') ?? '') : '';
    void submit(async () => {
      if (what === 'remove' && !window.confirm(`Remove ${appName}? Every installation ends now and cannot be restored.`)) return;
      await api(`${base}/${what}`, { method: 'POST', json: { reason } });
      router.refresh();
      return what === 'remove' ? 'Removed.' : 'Deprecated.';
    });
  }
  return (
    <form noValidate className="flex flex-col gap-3" aria-label={`Deprecate or remove ${appName}`} onSubmit={(event) => event.preventDefault()}>
      <FormAlert message={alert} />
      <TextAreaField label="Reason" name="reason" rows={2} hint="Required to remove: the admins of installing workspaces and the audit log see it." error={errors.reason} />
      <div className="flex flex-wrap items-center gap-3">
        {status === 'published' ? (
          <Button type="button" variant="secondary" disabled={pending} onClick={(event) => act(event.currentTarget.form, 'deprecate')}>
            Deprecate
          </Button>
        ) : null}
        <Button type="button" variant="danger" disabled={pending} onClick={(event) => act(event.currentTarget.form, 'remove')}>
          Remove app
        </Button>
        <FormStatus message={done} />
      </div>
    </form>
  );
}
