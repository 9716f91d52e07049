'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api, ApiError } from '@/lib/http/api-client';
import { formatCents, parseDollars } from '@/lib/resellers/money';
import { dollarsToCents, fields, percentToBps } from './form-values';

// The operator's reseller tools (app/(platform)/operator/resellers).

export function CreateResellerForm() {
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    const target = event.currentTarget;
    void submit(async () => {
      const rateBps = form.rate?.trim() ? percentToBps(form.rate) : undefined;
      await api('/api/operator/resellers', { method: 'POST', json: { name: form.name, ownerEmail: form.ownerEmail, rateBps } });
      target.reset();
      router.refresh();
      return `Created ${form.name}; its owner got an email.`;
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Create a tier-1 reseller">
      <FormAlert message={alert} />
      <TextField label="Reseller name" name="name" required error={errors.name} />
      <TextField label="Owner's email" name="ownerEmail" type="email" required error={errors.ownerEmail} />
      <TextField label="Commission rate (%)" name="rate" inputMode="decimal" defaultValue="20" error={errors.rateBps} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create reseller'}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

export function ResellerStatusButton({ resellerId, name, status }: { resellerId: string; name: string; status: 'pending' | 'approved' | 'suspended' }) {
  const router = useRouter();
  const { alert, pending, submit } = useFormSubmit();
  const next = status === 'approved' ? 'suspended' : 'approved';
  const label = status === 'pending' ? 'Approve' : status === 'approved' ? 'Suspend' : 'Reinstate';
  return (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        variant={status === 'approved' ? 'ghost' : 'primary'}
        disabled={pending}
        aria-label={`${label} ${name}`}
        onClick={() =>
          void submit(async () => {
            await api(`/api/operator/resellers/${encodeURIComponent(resellerId)}`, { method: 'PATCH', json: { status: next } });
            router.refresh();
          })
        }
      >
        {label}
      </Button>
      <FormAlert message={alert} />
    </div>
  );
}

export function TermsForm({ resellerId, name, terms }: { resellerId: string; name: string; terms: { stripeConnectAccountId: string | null; payoutMinimumCents: number; holdingDays: number } }) {
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      const payoutMinimumCents = dollarsToCents(form.minimum ?? '', 'payoutMinimumCents');
      await api(`/api/operator/resellers/${encodeURIComponent(resellerId)}`, {
        method: 'PATCH',
        json: { stripeConnectAccountId: form.stripeConnectAccountId ?? '', payoutMinimumCents, holdingDays: Number(form.holdingDays) },
      });
      router.refresh();
      return 'Saved.';
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label={`Payout terms of ${name}`}>
      <FormAlert message={alert} />
      <TextField label="Stripe account" name="stripeConnectAccountId" defaultValue={terms.stripeConnectAccountId ?? ''} placeholder="acct_…" error={errors.stripeConnectAccountId} className="w-44" />
      <TextField label="Minimum ($)" name="minimum" defaultValue={(terms.payoutMinimumCents / 100).toFixed(2)} error={errors.payoutMinimumCents} className="w-28" />
      <TextField label="Holding days" name="holdingDays" inputMode="numeric" defaultValue={String(terms.holdingDays)} error={errors.holdingDays} className="w-28" />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save terms'}
      </Button>
      <FormStatus message={status} />
    </form>
  );
}

export function PlanFloorForm({ planId, planName, floorCents }: { planId: string; planName: string; floorCents: number | null }) {
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      const text = (form.floor ?? '').trim();
      const floor = text === '' ? null : parseDollars(text);
      if (text !== '' && floor === null) throw new ApiError(422, 'Some fields need attention.', { floorCents: 'Enter an amount in dollars, or leave it empty.' });
      await api(`/api/operator/plans/${encodeURIComponent(planId)}`, { method: 'PATCH', json: { floorCents: floor } });
      router.refresh();
      return floor === null ? 'Resellers cannot price this plan.' : `Floor set to ${formatCents(floor)}.`;
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label={`Reseller floor of ${planName}`}>
      <TextField
        label={`${planName} floor ($/month)`}
        name="floor"
        inputMode="decimal"
        defaultValue={floorCents === null ? '' : (floorCents / 100).toFixed(2)}
        error={errors.floorCents ?? alert ?? undefined}
        hint="Empty: resellers may not set their own price."
        className="w-56"
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Set floor'}
      </Button>
      <FormStatus message={status} />
    </form>
  );
}

export function PayoutReferenceForm({ payoutId, label }: { payoutId: string; label: string }) {
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      await api(`/api/operator/payouts/${encodeURIComponent(payoutId)}`, { method: 'PATCH', json: { reference: form.reference } });
      router.refresh();
      return 'Recorded as paid.';
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label={`Record payment of ${label}`}>
      <TextField label="Transfer reference" name="reference" required error={errors.reference ?? alert ?? undefined} className="w-56" />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Mark paid'}
      </Button>
      <FormStatus message={status} />
    </form>
  );
}
