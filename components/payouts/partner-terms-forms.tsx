'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { dollarsToCents, fields, percentToBps, wholeNumber } from '@/components/resellers/form-values';
import { api } from '@/lib/http/api-client';

// The operator's forms for partners' money: a partner's tier and payout terms, and each tier's
// fee and support targets. Amounts are typed in dollars and percent, sent as cents and bps.

export interface PartnerTermsValue {
  tierId: string;
  stripeConnectAccountId: string | null;
  payoutMinimumCents: number;
  holdingDays: number;
}

export function PartnerTermsForm({ partnerId, name, terms, tiers }: { partnerId: string; name: string; terms: PartnerTermsValue; tiers: { id: string; name: string }[] }) {
  const t = useTranslations('payouts.terms');
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      const json = {
        tierId: form.tierId,
        stripeConnectAccountId: (form.stripeConnectAccountId ?? '').trim(),
        payoutMinimumCents: dollarsToCents(form.minimum ?? '', 'payoutMinimumCents', t('errors.dollars')),
        holdingDays: wholeNumber(form.holdingDays ?? '', 'holdingDays', t('errors.holdingDays')),
      };
      await api(`/api/operator/partners/${encodeURIComponent(partnerId)}/terms`, { method: 'PATCH', json });
      router.refresh();
      return t('saved');
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label={t('termsOf', { name })}>
      <FormAlert message={alert} />
      <SelectField label={t('tier')} name="tierId" defaultValue={terms.tierId} options={tiers.map((tier) => ({ value: tier.id, label: tier.name }))} error={errors.tierId} className="w-36" />
      <TextField label={t('stripeAccount')} name="stripeConnectAccountId" defaultValue={terms.stripeConnectAccountId ?? ''} placeholder={t('stripeAccountPlaceholder')} dir="ltr" error={errors.stripeConnectAccountId} className="w-44" />
      <TextField label={t('minimum')} name="minimum" inputMode="decimal" defaultValue={(terms.payoutMinimumCents / 100).toFixed(2)} error={errors.payoutMinimumCents} className="w-28" />
      <TextField label={t('holdingDays')} name="holdingDays" inputMode="numeric" defaultValue={String(terms.holdingDays)} error={errors.holdingDays} className="w-28" />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t('saving') : t('saveTerms')}
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
  const t = useTranslations('payouts.terms');
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      const json = {
        name: (form.name ?? '').trim(),
        platformFeeBps: percentToBps(form.fee ?? '', t('errors.fee'), 'platformFeeBps'),
        firstResponseMinutes: wholeNumber(form.firstResponseMinutes ?? '', 'firstResponseMinutes', t('errors.firstResponse')),
        resolutionMinutes: wholeNumber(form.resolutionMinutes ?? '', 'resolutionMinutes', t('errors.resolution')),
      };
      await api(`/api/operator/partner-tiers/${encodeURIComponent(tier.id)}`, { method: 'PATCH', json });
      router.refresh();
      return t('saved');
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label={t('tierNamed', { name: tier.name })}>
      <FormAlert message={alert} />
      <TextField label={t('name')} name="name" defaultValue={tier.name} error={errors.name} className="w-36" />
      <TextField label={t('fee')} name="fee" inputMode="decimal" defaultValue={String(tier.platformFeeBps / 100)} error={errors.platformFeeBps} className="w-32" />
      <TextField label={t('firstResponse')} name="firstResponseMinutes" inputMode="numeric" defaultValue={String(tier.firstResponseMinutes)} error={errors.firstResponseMinutes} className="w-40" />
      <TextField label={t('resolution')} name="resolutionMinutes" inputMode="numeric" defaultValue={String(tier.resolutionMinutes)} error={errors.resolutionMinutes} className="w-36" />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t('saving') : t('saveTier')}
      </Button>
      <FormStatus message={status} />
    </form>
  );
}
