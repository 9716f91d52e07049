'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';
import { PARTNER_USER_ROLES, type PartnerUserRole } from '@/lib/partners/partner-schema';
import { TextAreaField } from '@/components/ui/text-area-field';

// The partner program's forms. Each reads its fields at submit (people may type before
// hydration), calls one route and refreshes the server-rendered page.

function fields(event: FormEvent<HTMLFormElement>): Record<string, string> {
  return Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
}

function useRoleOptions() {
  const t = useTranslations('partner.roles');
  return PARTNER_USER_ROLES.map((role) => ({ value: role, label: t(role) }));
}

/** The public "Become a partner" form. */
export function PartnerApplicationForm() {
  const t = useTranslations('partner.apply');
  const { errors, alert, pending, submit } = useFormSubmit();
  const [sent, setSent] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      // The answer's message is the API's English; the page says the same in its language.
      await api<{ status: 'received'; message: string }>('/api/partners/apply', { method: 'POST', json: form });
      setSent(t('received'));
    });
  }

  if (sent) {
    return (
      <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900" data-testid="application-sent">
        {sent}
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('title')}>
      <FormAlert message={alert} />
      <TextField label={t('companyName')} name="companyName" autoComplete="organization" required error={errors.companyName} />
      <TextField label={t('website')} name="website" type="url" placeholder="https://" dir="ltr" required error={errors.website} />
      <TextField label={t('contactName')} name="contactName" autoComplete="name" required error={errors.contactName} />
      <TextField label={t('email')} name="email" type="email" autoComplete="email" required error={errors.email} hint={t('emailHint')} />
      <TextAreaField label={t('note')} name="note" required error={errors.note} hint={t('noteHint', { min: 20, max: 2000 })} />
      <Button type="submit" disabled={pending}>
        {pending ? t('sending') : t('submit')}
      </Button>
    </form>
  );
}

export interface ProfileValues {
  name: string;
  website: string | null;
  supportEmail: string | null;
  privacyPolicyUrl: string | null;
}

export function PartnerProfileForm({ initial }: { initial: ProfileValues }) {
  const t = useTranslations('partner.profile');
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      await api('/api/partner/profile', { method: 'PATCH', json: { name: form.name, website: form.website, supportEmail: form.supportEmail, privacyPolicyUrl: form.privacyPolicyUrl } });
      router.refresh();
      return t('saved');
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('formLabel')}>
      <FormAlert message={alert} />
      <TextField label={t('companyName')} name="name" required defaultValue={initial.name} error={errors.name} />
      <TextField label={t('website')} name="website" type="url" placeholder="https://" dir="ltr" defaultValue={initial.website ?? ''} error={errors.website} />
      <TextField label={t('supportEmail')} name="supportEmail" type="email" defaultValue={initial.supportEmail ?? ''} error={errors.supportEmail} hint={t('supportEmailHint')} />
      <TextField label={t('privacyPolicyUrl')} name="privacyPolicyUrl" type="url" placeholder="https://" dir="ltr" defaultValue={initial.privacyPolicyUrl ?? ''} error={errors.privacyPolicyUrl} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

export function AcceptAgreementForm({ version }: { version: string }) {
  const t = useTranslations('partner.agreement');
  const router = useRouter();
  const { alert, status, pending, submit } = useFormSubmit();
  const [checked, setChecked] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit(async () => {
      await api('/api/partner/agreement', { method: 'POST', json: { version } });
      router.refresh();
      return t('acceptedVersion', { version });
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('formLabel')}>
      <FormAlert message={alert} />
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input type="checkbox" name="agree" className="mt-0.5 size-4" checked={checked} onChange={(event) => setChecked(event.target.checked)} />
        <span>{t('consent', { version })}</span>
      </label>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending || !checked}>
          {pending ? t('accepting') : t('accept')}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

export function InvitePartnerUserForm() {
  const t = useTranslations('partner.team');
  const roleOptions = useRoleOptions();
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    const target = event.currentTarget;
    void submit(async () => {
      const result = await api<{ status: 'added' | 'invited'; email: string }>('/api/partner/users', { method: 'POST', json: { email: form.email, role: form.role } });
      target.reset();
      router.refresh();
      return result.status === 'added' ? t('added', { email: result.email }) : t('invitationSent', { email: result.email });
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 sm:flex-row sm:flex-wrap sm:items-end" aria-label={t('inviteTitle')}>
      <FormAlert message={alert} />
      <TextField label={t('email')} name="email" type="email" required error={errors.email} className="sm:w-72" />
      <SelectField label={t('role')} name="role" defaultValue="developer" options={roleOptions} error={errors.role} className="sm:w-40" />
      <Button type="submit" disabled={pending}>
        {pending ? t('inviting') : t('invite')}
      </Button>
      <FormStatus message={status} />
    </form>
  );
}

export function PartnerUserActions({ userId, email, role }: { userId: string; email: string; role: PartnerUserRole }) {
  const t = useTranslations('partner.team');
  const roleOptions = useRoleOptions();
  const router = useRouter();
  const { alert, pending, submit } = useFormSubmit();
  return (
    <div className="flex flex-wrap items-end gap-2">
      <SelectField
        label={t('roleOf', { email })}
        name="role"
        value={role}
        options={roleOptions}
        className="w-36 [&>label]:sr-only"
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          void submit(async () => {
            await api(`/api/partner/users/${encodeURIComponent(userId)}`, { method: 'PATCH', json: { role: next } });
            router.refresh();
          });
        }}
      />
      <ConfirmDialog
        trigger={
          <Button type="button" variant="danger-ghost" aria-label={t('removeOf', { email })}>
            {t('remove')}
          </Button>
        }
        title={t('removeTitle', { email })}
        description={t('removeDescription')}
        confirmLabel={t('remove')}
        pending={pending}
        onConfirm={() =>
          submit(async () => {
            await api(`/api/partner/users/${encodeURIComponent(userId)}`, { method: 'DELETE' });
            router.refresh();
          })
        }
      />
      <FormAlert message={alert} />
    </div>
  );
}

export function RevokeInvitationButton({ email }: { email: string }) {
  const t = useTranslations('partner.team');
  const router = useRouter();
  const { alert, pending, submit } = useFormSubmit();
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        type="button"
        variant="ghost"
        size="sm"
        disabled={pending}
        aria-label={t('withdrawOf', { email })}
        onClick={() =>
          void submit(async () => {
            await api('/api/partner/invitations/revoke', { method: 'POST', json: { email } });
            router.refresh();
          })
        }
      >
        {t('withdraw')}
      </Button>
      <FormAlert message={alert} />
    </span>
  );
}

/** The partner's logo: shown, replaced by choosing a file (uploaded at once), or removed. */
export function PartnerLogoForm({ name, logoUrl, canUpload }: { name: string; logoUrl: string | null; canUpload: boolean }) {
  const t = useTranslations('partner.profile');
  const router = useRouter();
  const { alert, status, pending, submit } = useFormSubmit();
  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={alert} />
      <div className="flex flex-wrap items-center gap-4">
        {logoUrl ? (
          <img src={logoUrl} alt={t('logoOf', { name })} width={64} height={64} className="size-16 rounded-md border border-slate-200 object-contain" data-testid="partner-logo" />
        ) : (
          <span className="flex size-16 items-center justify-center rounded-md border border-dashed border-slate-300 text-xs text-slate-500">{t('noLogo')}</span>
        )}
        {canUpload ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="partner-logo-file" className="text-sm font-medium text-slate-800">
              {logoUrl ? t('replaceLogo') : t('uploadLogo')}
            </label>
            <input
              id="partner-logo-file"
              type="file"
              accept="image/png,image/jpeg,image/webp,image/svg+xml"
              disabled={pending}
              aria-describedby="partner-logo-hint"
              className="max-w-full text-sm"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (!file) return;
                void submit(async () => {
                  await api('/api/partner/logo', { method: 'POST', body: file, headers: { 'content-type': file.type || 'application/octet-stream' } });
                  router.refresh();
                  return t('logoSaved');
                });
              }}
            />
            <p id="partner-logo-hint" className="text-xs text-slate-500">
              {t('logoHint')}
            </p>
          </div>
        ) : null}
        {canUpload && logoUrl ? (
          <Button
            type="button"
            variant="ghost"
            disabled={pending}
            onClick={() =>
              void submit(async () => {
                await api('/api/partner/logo', { method: 'DELETE' });
                router.refresh();
                return t('logoRemoved');
              })
            }
          >
            {t('removeLogo')}
          </Button>
        ) : null}
      </div>
      <FormStatus message={status} />
    </div>
  );
}
