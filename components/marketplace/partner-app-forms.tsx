'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
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
import { categoryText } from './category-text';
import { PricingFields, readPricing, usePricingProblems } from './pricing-fields';

// The partner portal's app tools (app/(platform)/partner/(portal)/apps): each form calls one
// route under /api/partner/apps and refreshes the page's server data.

type Option = { value: string; label: string };

const appPath = (appId: string, rest = '') => `/api/partner/apps/${encodeURIComponent(appId)}${rest}`;

/** The category options in the reader's words (the page passes the English labels). */
function useCategoryOptions(categories: Option[]): Option[] {
  const t = useTranslations('marketplace');
  return categories.map((option) => ({ value: option.value, label: categoryText(t, option.value) }));
}

function formValues(event: FormEvent<HTMLFormElement>): Record<string, string> {
  return Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([key, value]) => [key, String(value)]));
}

function Secret({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="flex flex-col gap-1">
      <p className="text-sm font-medium text-slate-800">{label}</p>
      <code className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm break-all" data-testid={testId} dir="ltr">
        {value}
      </code>
    </div>
  );
}

export function NewAppForm({ categories }: { categories: Option[] }) {
  const t = useTranslations('marketplacePartner');
  const categoryOptions = useCategoryOptions(categories);
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
        <p className="text-sm text-slate-700">{t('created', { app: created.name })}</p>
        <Secret label={t('clientId')} value={created.clientId} testId="client-id" />
        <Secret label={t('clientSecret')} value={created.clientSecret} testId="client-secret" />
        <Secret label={t('webhookSecret')} value={created.webhookSecret} testId="webhook-secret" />
        <div>
          <Link href={`/partner/apps/${created.id}`} className="inline-flex rounded-md bg-brand px-4 py-2 text-sm font-semibold text-brand-fg hover:opacity-90">
            {t('continueTo', { app: created.name })}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-4" aria-label={t('newApp')}>
      <FormAlert message={alert} />
      <TextField label={t('appName')} name="name" required maxLength={60} error={errors.name} />
      <SelectField label={t('category')} name="category" options={categoryOptions} error={errors.category} />
      <TextField label={t('tagline')} name="tagline" maxLength={120} hint={t('taglineHint')} error={errors.tagline} />
      <TextField label={t('slug')} name="slug" hint={t('slugHint')} error={errors.slug} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('creating') : t('createApp')}
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
  const t = useTranslations('marketplacePartner');
  const categoryOptions = useCategoryOptions(categories);
  const pricingProblems = usePricingProblems();
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit({ fieldsAlert: t('fieldsAlert') });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const chosen = scopes.filter((s) => data.get(`scope:${s.scope}`) === 'on').map((s) => ({ scope: s.scope, justification: text(`justification:${s.scope}`) }));
    void submit(async () => {
      const price = readPricing(data, pricingProblems);
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
      return t('saved');
    });
  }

  const requested = new Map(version.scopes.map((s) => [s.scope, s.justification]));
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label={t('editVersion')}>
      <FormAlert message={alert} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t('appName')} name="name" defaultValue={version.name} maxLength={60} error={errors.name} />
        <SelectField label={t('category')} name="category" defaultValue={version.category} options={categoryOptions} error={errors.category} />
      </div>
      <TextField label={t('tagline')} name="tagline" defaultValue={version.tagline} maxLength={120} error={errors.tagline} />
      <TextAreaField label={t('description')} name="description" defaultValue={version.description} rows={8} hint={t('descriptionHint')} error={errors.description} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t('links')}</legend>
        <TextField label={t('website')} name="websiteUrl" type="url" defaultValue={version.websiteUrl ?? ''} error={errors.websiteUrl} />
        <TextField label={t('documentation')} name="docsUrl" type="url" defaultValue={version.docsUrl ?? ''} error={errors.docsUrl} />
        <TextField label={t('support')} name="supportUrl" type="url" defaultValue={version.supportUrl ?? ''} error={errors.supportUrl} />
        <TextField label={t('privacy')} name="privacyUrl" type="url" defaultValue={version.privacyUrl ?? ''} error={errors.privacyUrl} />
        <TextField label={t('terms')} name="termsUrl" type="url" defaultValue={version.termsUrl ?? ''} error={errors.termsUrl} />
        <TextField label={t('setupUrl')} name="setupUrl" type="url" defaultValue={version.setupUrl ?? ''} hint={t('setupUrlHint')} error={errors.setupUrl} />
      </fieldset>
      <TextAreaField label={t('redirectUris')} name="redirectUris" defaultValue={version.redirectUris.join('\n')} rows={3} hint={t('redirectUrisHint')} error={errorFor(errors, 'redirectUris')} />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-semibold text-slate-900">{t('scopes')}</legend>
        <p className="text-xs text-slate-500">{t('scopesHint')}</p>
        {errorFor(errors, 'scopes') ? <p className="text-sm text-red-600">{errorFor(errors, 'scopes')}</p> : null}
        {scopes.map((s) => (
          <div key={s.scope} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name={`scope:${s.scope}`} defaultChecked={requested.has(s.scope)} className="mt-1" />
              <span>
                <code className="font-semibold">{s.scope}</code> <span className="text-slate-600">{s.description}</span>
              </span>
            </label>
            <TextField label={t('whyScope', { scope: s.scope })} name={`justification:${s.scope}`} defaultValue={requested.get(s.scope) ?? ''} maxLength={300} />
          </div>
        ))}
      </fieldset>
      <PricingFields price={version.price} errors={errors} />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-semibold text-slate-900">{t('webhooks')}</legend>
        <TextField label={t('webhookUrl')} name="webhookUrl" type="url" defaultValue={version.webhookUrl ?? ''} hint={t('webhookUrlHint')} error={errors.webhookUrl} />
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
          {pending ? t('saving') : t('saveVersion')}
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

/** The catalog key of a submission check's name (redirect_https → redirectHttps). */
const checkKey = (id: string) => id.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase()) as 'redirectHttps' | 'redirectNoWildcard' | 'privacyUrl' | 'scopesJustified' | 'webhookUrl' | 'logo' | 'descriptionLength' | 'paidAppLinks';

export function ChecksPanel({ appId, checks, canRun }: { appId: string; checks: CheckResult[]; canRun: boolean }) {
  const t = useTranslations('marketplacePartner');
  const router = useRouter();
  const { alert, pending, submit } = useFormSubmit();
  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={alert} />
      {checks.length === 0 ? (
        <p className="text-sm text-slate-600">{t('checksNotRun')}</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="submission-checks">
          {checks.map((check) => (
            <li key={check.id} className="flex items-start gap-2 text-sm">
              <span aria-hidden className={check.ok ? 'text-emerald-700' : 'text-red-700'}>
                {check.ok ? '✓' : '✗'}
              </span>
              <span>
                {t.rich(check.ok ? 'checkLine' : 'checkLineFailed', {
                  label: t.has(`checks.${checkKey(check.id)}`) ? t(`checks.${checkKey(check.id)}`) : check.label,
                  message: check.message,
                  name: (chunks) => <span className="font-medium text-slate-900">{chunks}</span>,
                  sr: (chunks) => <span className="sr-only">{chunks}</span>,
                  text: (chunks) => <span className={check.ok ? 'text-slate-600' : 'text-red-700'}>{chunks}</span>,
                })}
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
            {pending ? t('checking') : t('runChecks')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

export function SubmitForm({ appId, resubmission }: { appId: string; resubmission: boolean }) {
  const t = useTranslations('marketplacePartner');
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
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('submitLabel')}>
      <FormAlert message={alert} />
      {problems.length ? (
        <ul className="list-disc ps-5 text-sm text-red-700" data-testid="submit-problems">
          {problems.map(([key, message]) => (
            <li key={key}>{message}</li>
          ))}
        </ul>
      ) : null}
      <TextAreaField label={t('note')} name="note" rows={3} error={errors.note} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('submitting') : resubmission ? t('submitAgain') : t('submit')}
        </Button>
      </div>
    </form>
  );
}

/** A reply in the review thread (the partner's or the operator's, by endpoint). */
export function CommentForm({ endpoint, label: labelProp }: { endpoint: string; label?: string }) {
  const t = useTranslations('marketplacePartner');
  const label = labelProp ?? t('addComment');
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
          {pending ? t('sending') : t('sendComment')}
        </Button>
      </div>
    </form>
  );
}

export function ImageUploads({ appId, logoUrl, screenshots, editable }: { appId: string; logoUrl: string | null; screenshots: { id: string; url: string }[]; editable: boolean }) {
  const t = useTranslations('marketplacePartner');
  const router = useRouter();
  const { alert, status, pending, submit } = useFormSubmit();

  function upload(kind: 'logo' | 'screenshot', file: File | undefined) {
    if (!file) return;
    void submit(async () => {
      await api(appPath(appId, `/images?kind=${kind}`), { method: 'POST', body: file, headers: { 'content-type': file.type || 'application/octet-stream' } });
      router.refresh();
      return kind === 'logo' ? t('logoUploaded') : t('screenshotAdded');
    });
  }

  function remove(assetId: string) {
    void submit(async () => {
      await api(appPath(appId, `/images/${encodeURIComponent(assetId)}`), { method: 'DELETE' });
      router.refresh();
      return t('removed');
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <FormAlert message={alert} />
      <div className="flex flex-wrap items-center gap-4">
        {logoUrl ? (
          <img src={logoUrl} alt={t('logoAlt')} width={64} height={64} className="h-16 w-16 rounded-lg border border-slate-200 object-cover" />
        ) : (
          <div className="flex h-16 w-16 items-center justify-center rounded-lg border border-dashed border-slate-300 text-xs text-slate-500">{t('noLogo')}</div>
        )}
        {editable ? (
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            {t('uploadLogo')}
            <input type="file" accept="image/png,image/jpeg,image/webp,image/svg+xml" disabled={pending} onChange={(event) => upload('logo', event.target.files?.[0])} className="text-sm" data-testid="logo-input" />
            <span className="text-xs font-normal text-slate-500">{t('logoHint')}</span>
          </label>
        ) : null}
      </div>
      <div className="flex flex-col gap-2">
        <p className="text-sm font-medium text-slate-800">{t('screenshotsCount', { count: screenshots.length, max: 5 })}</p>
        <ul className="flex flex-wrap gap-3">
          {screenshots.map((shot, index) => (
            <li key={shot.id} className="flex flex-col items-start gap-1">
              <img src={shot.url} alt={t('screenshotAlt', { number: index + 1 })} width={160} height={90} className="h-[90px] w-40 rounded-md border border-slate-200 object-cover" />
              {editable ? (
                <Button type="button" variant="secondary" disabled={pending} onClick={() => remove(shot.id)} aria-label={t('removeScreenshot', { number: index + 1 })}>
                  {t('remove')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
        {editable && screenshots.length < 5 ? (
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            {t('addScreenshot')}
            <input type="file" accept="image/png,image/jpeg,image/webp" disabled={pending} onChange={(event) => upload('screenshot', event.target.files?.[0])} className="text-sm" />
            <span className="text-xs font-normal text-slate-500">{t('screenshotHint')}</span>
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
  const t = useTranslations('marketplacePartner');
  const { alert, pending, submit } = useFormSubmit();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <FormAlert message={alert} />
      {secret ? <Secret label={t('newClientSecret')} value={secret} testId="rotated-client-secret" /> : null}
      <div>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            void submit(async () => {
              if (!window.confirm(t('confirmRotateClient'))) return;
              const answer = await api<{ clientSecret: string }>(appPath(appId, '/client-secret'), { method: 'POST' });
              setSecret(answer.clientSecret);
            })
          }
        >
          {pending ? t('rotating') : t('rotateClient')}
        </Button>
      </div>
    </div>
  );
}

export function WebhookSecretPanel({ appId }: { appId: string }) {
  const t = useTranslations('marketplacePartner');
  const { alert, status, pending, submit } = useFormSubmit();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <FormAlert message={alert} />
      {secret ? <Secret label={t('webhookSecret')} value={secret} testId="shown-webhook-secret" /> : null}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            void submit(async () => {
              const answer = await api<{ webhookSecret: string | null }>(appPath(appId, '/webhook-secret'));
              setSecret(answer.webhookSecret);
              if (!answer.webhookSecret) return t('noSigningSecret');
            })
          }
        >
          {t('showSigningSecret')}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            void submit(async () => {
              if (!window.confirm(t('confirmRotateWebhook'))) return;
              const answer = await api<{ webhookSecret: string }>(appPath(appId, '/webhook-secret'), { method: 'POST' });
              setSecret(answer.webhookSecret);
            })
          }
        >
          {t('rotateSigningSecret')}
        </Button>
      </div>
      <FormStatus message={status} />
    </div>
  );
}

/** Deprecate (reason optional) or remove (reason required) the app: the partner's or the operator's, by base path. */
export function RetireAppForm({ base, status, appName }: { base: string; status: string; appName: string }) {
  const t = useTranslations('marketplacePartner');
  const router = useRouter();
  const { errors, alert, status: done, pending, submit } = useFormSubmit();
  function act(form: HTMLFormElement | null, what: 'deprecate' | 'remove') {
    const reason = form ? String(new FormData(form).get('reason') ?? '') : '';
    void submit(async () => {
      if (what === 'remove' && !window.confirm(t('confirmRemove', { app: appName }))) return;
      await api(`${base}/${what}`, { method: 'POST', json: { reason } });
      router.refresh();
      return what === 'remove' ? t('removed') : t('deprecated');
    });
  }
  return (
    <form noValidate className="flex flex-col gap-3" aria-label={t('retireLabel', { app: appName })} onSubmit={(event) => event.preventDefault()}>
      <FormAlert message={alert} />
      <TextAreaField label={t('reason')} name="reason" rows={2} hint={t('reasonHint')} error={errors.reason} />
      <div className="flex flex-wrap items-center gap-3">
        {status === 'published' ? (
          <Button type="button" variant="secondary" disabled={pending} onClick={(event) => act(event.currentTarget.form, 'deprecate')}>
            {t('deprecate')}
          </Button>
        ) : null}
        <Button type="button" variant="danger" disabled={pending} onClick={(event) => act(event.currentTarget.form, 'remove')}>
          {t('removeApp')}
        </Button>
        <FormStatus message={done} />
      </div>
    </form>
  );
}
