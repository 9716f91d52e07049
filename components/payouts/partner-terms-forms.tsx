'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { dollarsToCents, fields, percentToBps } from '@/components/resellers/form-values';
import { api, ApiError } from '@/lib/http/api-client';

// The operator's forms for partners' money: a partner's tier and payout terms, and each tier's
// fee and support targets. Amounts are typed in dollars and percent, sent as cents and bps.

export interface PartnerTermsValue {
  tierId: string;
  stripeConnectAccountId: string | null;
  payoutMinimumCents: number;
  holdingDays: number;
}

function wholeNumber(value: string, field: string, what: string): number {
  const trimmed = value.trim();
  if (!/^\d{1,6}$/.test(trimmed)) throw new ApiError(422, 'Some fields need attention.', { [field]: `Enter ${what} as a whole number.` });
  return Number(trimmed);
}

export function PartnerTermsForm({ partnerId, name, terms, tiers }: { partnerId: string; name: string; terms: PartnerTermsValue; tiers: { id: string; name: string }[] }) {
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      const json = {
        tierId: form.tierId,
        stripeConnectAccountId: (form.stripeConnectAccountId ?? '').trim(),
        payoutMinimumCents: dollarsToCents(form.minimum ?? '', 'payoutMinimumCents'),
        holdingDays: wholeNumber(form.holdingDays ?? '', 'holdingDays', 'the holding days'),
      };
      await api(`/api/operator/partners/${encodeURIComponent(partnerId)}/terms`, { method: 'PATCH', json });
      router.refresh();
      return 'Saved.';
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label={`Tier and payout terms of ${name}`}>
      <FormAlert message={alert} />
      <SelectField label="Tier" name="tierId" defaultValue={terms.tierId} options={tiers.map((tier) => ({ value: tier.id, label: tier.name }))} error={errors.tierId} className="w-36" />
      <TextField label="Stripe account" name="stripeConnectAccountId" defaultValue={terms.stripeConnectAccountId ?? ''} placeholder="acct_…" error={errors.stripeConnectAccountId} className="w-44" />
      <TextField label="Minimum ($)" name="minimum" inputMode="decimal" defaultValue={(terms.payoutMinimumCents / 100).toFixed(2)} error={errors.payoutMinimumCents} className="w-28" />
      <TextField label="Holding days" name="holdingDays" inputMode="numeric" defaultValue={String(terms.holdingDays)} error={errors.holdingDays} className="w-28" />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save terms'}
      </Button>
      <FormStatus message={status} />
    </form>
  );
}

export interface PartnerTierValue {
  id: string;
  name: string;
  platformFeeBps: number;
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

export function PartnerTierForm({ tier }: { tier: PartnerTierValue }) {
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      let platformFeeBps: number;
      try {
        platformFeeBps = percentToBps(form.fee ?? '');
      } catch {
        throw new ApiError(422, 'Some fields need attention.', { platformFeeBps: 'Enter a percentage, e.g. 20 or 12.5.' });
      }
      const json = {
        name: (form.name ?? '').trim(),
        platformFeeBps,
        firstResponseMinutes: wholeNumber(form.firstResponseMinutes ?? '', 'firstResponseMinutes', 'the first response target in minutes'),
        resolutionMinutes: wholeNumber(form.resolutionMinutes ?? '', 'resolutionMinutes', 'the resolution target in minutes'),
      };
      await api(`/api/operator/partner-tiers/${encodeURIComponent(tier.id)}`, { method: 'PATCH', json });
      router.refresh();
      return 'Saved.';
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label={`Tier ${tier.name}`}>
      <FormAlert message={alert} />
      <TextField label="Name" name="name" defaultValue={tier.name} error={errors.name} className="w-36" />
      <TextField label="Platform fee (%)" name="fee" inputMode="decimal" defaultValue={String(tier.platformFeeBps / 100)} error={errors.platformFeeBps} className="w-32" />
      <TextField label="First response (min)" name="firstResponseMinutes" inputMode="numeric" defaultValue={String(tier.firstResponseMinutes)} error={errors.firstResponseMinutes} className="w-40" />
      <TextField label="Resolution (min)" name="resolutionMinutes" inputMode="numeric" defaultValue={String(tier.resolutionMinutes)} error={errors.resolutionMinutes} className="w-36" />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save tier'}
      </Button>
      <FormStatus message={status} />
    </form>
  );
}
