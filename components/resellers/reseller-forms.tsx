'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';
import { dollarsToCents, fields, percentToBps } from './form-values';
import { formatCents } from '@/lib/resellers/money';
import { suggestSlug } from '@/lib/signup/signup-schema';

// The reseller dashboard's forms. Each reads its own fields at submit (people may type before
// hydration), calls one route, and refreshes the server-rendered page.

export function CreateClientForm({ rootDomain }: { rootDomain: string }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      const result = await api<{ tenant: { slug: string; name: string }; invitation: { email: string } }>('/api/reseller/clients', {
        method: 'POST',
        json: { workspaceName: form.workspaceName, slug: form.slug, ownerEmail: form.ownerEmail },
      });
      setName('');
      setSlug('');
      setSlugEdited(false);
      router.refresh();
      return `Created ${result.tenant.name} (${result.tenant.slug}.${rootDomain}); an invitation went to ${result.invitation.email}.`;
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Create a client workspace">
      <FormAlert message={alert} />
      <TextField
        label="Client workspace name"
        name="workspaceName"
        required
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          if (!slugEdited) setSlug(suggestSlug(e.target.value));
        }}
        error={errors.workspaceName}
      />
      <TextField
        label="Workspace address"
        name="slug"
        required
        value={slug}
        onChange={(e) => {
          setSlug(e.target.value.toLowerCase());
          setSlugEdited(true);
        }}
        error={errors.slug}
        hint={
          <>
            The client&apos;s workspace will live at <strong>{slug || 'client'}.{rootDomain}</strong>
          </>
        }
      />
      <TextField label="Client owner's email" name="ownerEmail" type="email" required error={errors.ownerEmail} hint="They get an invitation to own the workspace." />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create client workspace'}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

export interface PriceOption {
  planId: string;
  planName: string;
  floorCents: number | null;
  priceCents: number | null;
  listPriceCents: number;
}

export function SetPriceForm({ plans }: { plans: PriceOption[] }) {
  const router = useRouter();
  const priceable = plans.filter((plan) => plan.floorCents !== null);
  const [planId, setPlanId] = useState(priceable[0]?.planId ?? '');
  const { errors, alert, status, pending, submit } = useFormSubmit();
  const selected = priceable.find((plan) => plan.planId === planId);

  if (priceable.length === 0) return <p className="text-sm text-slate-600">No plan can be priced yet: the Waypoint team has not set floor prices.</p>;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      const priceCents = dollarsToCents(form.price ?? '', 'priceCents');
      await api('/api/reseller/prices', { method: 'PUT', json: { planId: form.planId, priceCents } });
      router.refresh();
      return `Saved: ${priceable.find((p) => p.planId === form.planId)?.planName ?? form.planId} at ${formatCents(priceCents)} a month.`;
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Set a custom price">
      <FormAlert message={alert} />
      <SelectField label="Plan" name="planId" value={planId} onChange={(e) => setPlanId(e.target.value)} error={errors.planId} options={priceable.map((plan) => ({ value: plan.planId, label: plan.planName }))} />
      <TextField
        key={planId}
        label="Monthly price (USD)"
        name="price"
        inputMode="decimal"
        required
        defaultValue={selected?.priceCents !== null && selected?.priceCents !== undefined ? (selected.priceCents / 100).toFixed(2) : ''}
        error={errors.priceCents}
        hint={selected ? `List price ${formatCents(selected.listPriceCents)}; not below ${formatCents(selected.floorCents ?? 0)}.` : undefined}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save price'}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

export function RecruitForm({ maxRateBps, defaultRateBps }: { maxRateBps: number; defaultRateBps: number }) {
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    const target = event.currentTarget;
    void submit(async () => {
      const rateBps = form.rate ? percentToBps(form.rate) : undefined;
      await api('/api/reseller/sub-resellers', { method: 'POST', json: { name: form.name, ownerEmail: form.ownerEmail, rateBps } });
      target.reset();
      router.refresh();
      return `Recruited ${form.name}. Its owner got an email; it starts selling once the Waypoint team approves it.`;
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Recruit a sub-reseller">
      <FormAlert message={alert} />
      <TextField label="Sub-reseller name" name="name" required error={errors.name} />
      <TextField label="Owner's email" name="ownerEmail" type="email" required error={errors.ownerEmail} />
      <TextField
        label="Commission rate (%)"
        name="rate"
        inputMode="decimal"
        defaultValue={String(defaultRateBps / 100)}
        error={errors.rateBps}
        hint={`At most your own rate, ${maxRateBps / 100}%.`}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? 'Recruiting…' : 'Recruit sub-reseller'}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

/** A sub-reseller's rate (the parent's form) or any reseller's (the operator's, with `endpoint`). */
export function RateForm({ resellerId, name, rateBps, endpoint }: { resellerId: string; name: string; rateBps: number; endpoint?: string }) {
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      const bps = percentToBps(form.rate ?? '');
      await api(endpoint ?? `/api/reseller/sub-resellers/${encodeURIComponent(resellerId)}`, { method: 'PATCH', json: { rateBps: bps } });
      router.refresh();
      return `Rate set to ${bps / 100}%.`;
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label={`Commission rate of ${name}`}>
      <TextField label={`Rate of ${name} (%)`} name="rate" inputMode="decimal" defaultValue={String(rateBps / 100)} error={errors.rateBps ?? alert ?? undefined} className="w-40" />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Set rate'}
      </Button>
      <FormStatus message={status} />
    </form>
  );
}

export function WhiteLabelForm({ initial }: { initial: { name: string; logoUrl: string; websiteUrl: string } }) {
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      await api('/api/reseller/white-label', { method: 'PUT', json: { name: form.name, logoUrl: form.logoUrl, websiteUrl: form.websiteUrl } });
      router.refresh();
      return 'Saved.';
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="White label">
      <FormAlert message={alert} />
      <TextField label="Name shown to clients" name="name" defaultValue={initial.name} error={errors.name} hint="Empty: your reseller name." />
      <TextField label="Logo URL" name="logoUrl" defaultValue={initial.logoUrl} error={errors.logoUrl} hint="An https:// image, shown small in the footer." />
      <TextField label="Website" name="websiteUrl" defaultValue={initial.websiteUrl} error={errors.websiteUrl} hint="An https:// address the credit links to." />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save white label'}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

export function InviteResellerUserForm() {
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    const target = event.currentTarget;
    void submit(async () => {
      const result = await api<{ status: 'added' | 'invited' }>('/api/reseller/users', { method: 'POST', json: { email: form.email, role: form.role } });
      target.reset();
      router.refresh();
      return result.status === 'added' ? `${form.email} has access now.` : `Invitation sent to ${form.email}.`;
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Add a person">
      <FormAlert message={alert} />
      <TextField label="Email" name="email" type="email" required error={errors.email} />
      <SelectField
        label="Role"
        name="role"
        defaultValue="member"
        error={errors.role}
        options={[
          { value: 'member', label: 'Member: creates clients, sees earnings' },
          { value: 'owner', label: 'Owner: also prices, recruits and manages people' },
        ]}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add person'}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}
