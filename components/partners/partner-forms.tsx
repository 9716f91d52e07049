'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';
import { PARTNER_ROLE_LABELS, PARTNER_USER_ROLES, type PartnerUserRole } from '@/lib/partners/partner-schema';
import { TextAreaField } from '@/components/ui/text-area-field';

// The partner program's forms. Each reads its fields at submit (people may type before
// hydration), calls one route and refreshes the server-rendered page.

function fields(event: FormEvent<HTMLFormElement>): Record<string, string> {
  return Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
}

const ROLE_OPTIONS = PARTNER_USER_ROLES.map((role) => ({ value: role, label: PARTNER_ROLE_LABELS[role] }));

/** The public "Become a partner" form. */
export function PartnerApplicationForm() {
  const { errors, alert, pending, submit } = useFormSubmit();
  const [sent, setSent] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      const answer = await api<{ message: string }>('/api/partners/apply', { method: 'POST', json: form });
      setSent(answer.message);
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
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Become a partner">
      <FormAlert message={alert} />
      <TextField label="Company name" name="companyName" autoComplete="organization" required error={errors.companyName} />
      <TextField label="Company website" name="website" type="url" placeholder="https://" required error={errors.website} />
      <TextField label="Your name" name="contactName" autoComplete="name" required error={errors.contactName} />
      <TextField label="Work email" name="email" type="email" autoComplete="email" required error={errors.email} hint="We send a link here to confirm it and set up your account." />
      <TextAreaField label="What do you plan to build?" name="note" required error={errors.note} hint="The integrations you have in mind and who they are for (20–2,000 characters)." />
      <Button type="submit" disabled={pending}>
        {pending ? 'Sending…' : 'Apply'}
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
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      await api('/api/partner/profile', { method: 'PATCH', json: { name: form.name, website: form.website, supportEmail: form.supportEmail, privacyPolicyUrl: form.privacyPolicyUrl } });
      router.refresh();
      return 'Profile saved.';
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Partner profile">
      <FormAlert message={alert} />
      <TextField label="Company name" name="name" required defaultValue={initial.name} error={errors.name} />
      <TextField label="Website" name="website" type="url" placeholder="https://" defaultValue={initial.website ?? ''} error={errors.website} />
      <TextField label="Support email" name="supportEmail" type="email" defaultValue={initial.supportEmail ?? ''} error={errors.supportEmail} hint="Shown to workspaces that install your apps." />
      <TextField label="Privacy policy URL" name="privacyPolicyUrl" type="url" placeholder="https://" defaultValue={initial.privacyPolicyUrl ?? ''} error={errors.privacyPolicyUrl} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save profile'}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

export function AcceptAgreementForm({ version }: { version: string }) {
  const router = useRouter();
  const { alert, status, pending, submit } = useFormSubmit();
  const [checked, setChecked] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit(async () => {
      await api('/api/partner/agreement', { method: 'POST', json: { version } });
      router.refresh();
      return `You accepted version ${version}.`;
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Accept the partner agreement">
      <FormAlert message={alert} />
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input type="checkbox" name="agree" className="mt-0.5 size-4" checked={checked} onChange={(event) => setChecked(event.target.checked)} />
        <span>I have read the partner agreement (version {version}) and accept it on behalf of my company.</span>
      </label>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending || !checked}>
          {pending ? 'Accepting…' : 'Accept the agreement'}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

export function InvitePartnerUserForm() {
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
      return result.status === 'added' ? `Added ${result.email}: they already had a Waypoint account and got an email.` : `Invitation sent to ${result.email}.`;
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 sm:flex-row sm:flex-wrap sm:items-end" aria-label="Invite someone">
      <FormAlert message={alert} />
      <TextField label="Email" name="email" type="email" required error={errors.email} className="sm:w-72" />
      <SelectField label="Role" name="role" defaultValue="developer" options={ROLE_OPTIONS} error={errors.role} className="sm:w-40" />
      <Button type="submit" disabled={pending}>
        {pending ? 'Inviting…' : 'Invite'}
      </Button>
      <FormStatus message={status} />
    </form>
  );
}

export function PartnerUserActions({ userId, email, role }: { userId: string; email: string; role: PartnerUserRole }) {
  const router = useRouter();
  const { alert, pending, submit } = useFormSubmit();
  return (
    <div className="flex flex-wrap items-end gap-2">
      <SelectField
        label={`Role of ${email}`}
        name="role"
        value={role}
        options={ROLE_OPTIONS}
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
          <Button type="button" variant="danger-ghost" aria-label={`Remove ${email}`}>
            Remove
          </Button>
        }
        title={`Remove ${email}?`}
        description="They lose access to the partner portal and the sandbox workspace at once."
        confirmLabel="Remove"
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
  const router = useRouter();
  const { alert, pending, submit } = useFormSubmit();
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        type="button"
        variant="ghost"
        size="sm"
        disabled={pending}
        aria-label={`Withdraw the invitation to ${email}`}
        onClick={() =>
          void submit(async () => {
            await api('/api/partner/invitations/revoke', { method: 'POST', json: { email } });
            router.refresh();
          })
        }
      >
        Withdraw
      </Button>
      <FormAlert message={alert} />
    </span>
  );
}

/** The partner's logo: shown, replaced by choosing a file (uploaded at once), or removed. */
export function PartnerLogoForm({ name, logoUrl, canUpload }: { name: string; logoUrl: string | null; canUpload: boolean }) {
  const router = useRouter();
  const { alert, status, pending, submit } = useFormSubmit();
  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={alert} />
      <div className="flex flex-wrap items-center gap-4">
        {logoUrl ? (
          <img src={logoUrl} alt={`Logo of ${name}`} width={64} height={64} className="size-16 rounded-md border border-slate-200 object-contain" data-testid="partner-logo" />
        ) : (
          <span className="flex size-16 items-center justify-center rounded-md border border-dashed border-slate-300 text-xs text-slate-500">No logo</span>
        )}
        {canUpload ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="partner-logo-file" className="text-sm font-medium text-slate-800">
              {logoUrl ? 'Replace the logo' : 'Upload a logo'}
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
                  return 'Logo saved.';
                });
              }}
            />
            <p id="partner-logo-hint" className="text-xs text-slate-500">
              Square, at least 128×128 px: PNG, JPEG, WebP or SVG.
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
                return 'Logo removed.';
              })
            }
          >
            Remove the logo
          </Button>
        ) : null}
      </div>
      <FormStatus message={status} />
    </div>
  );
}
