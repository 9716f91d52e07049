'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { useFormat } from '@/lib/format/format-context';
import { api } from '@/lib/http/api-client';
import { PLATFORM_CURRENCY } from '@/lib/resellers/money';
import { dollarsToCents, fields, percentToBps } from './form-values';

// The operator's reseller tools (app/(platform)/operator/resellers).

export function CreateResellerForm() {
  const t = useTranslations('reseller.operator');
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    const target = event.currentTarget;
    void submit(async () => {
      const rateBps = form.rate?.trim() ? percentToBps(form.rate, t('errors.rate')) : undefined;
      await api('/api/operator/resellers', { method: 'POST', json: { name: form.name, ownerEmail: form.ownerEmail, rateBps } });
      target.reset();
      router.refresh();
      return t('created', { name: form.name });
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('createTitle')}>
      <FormAlert message={alert} />
      <TextField label={t('name')} name="name" required error={errors.name} />
      <TextField label={t('ownerEmail')} name="ownerEmail" type="email" required error={errors.ownerEmail} />
      <TextField label={t('rate')} name="rate" inputMode="decimal" defaultValue="20" error={errors.rateBps} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('creating') : t('create')}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

export function ResellerStatusButton({ resellerId, name, status }: { resellerId: string; name: string; status: 'pending' | 'approved' | 'suspended' }) {
  const t = useTranslations('reseller.operator');
  const router = useRouter();
  const { alert, pending, submit } = useFormSubmit();
  const next = status === 'approved' ? 'suspended' : 'approved';
  const action = status === 'pending' ? 'approve' : status === 'approved' ? 'suspend' : 'reinstate';
  return (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        variant={status === 'approved' ? 'ghost' : 'primary'}
        disabled={pending}
        aria-label={t(`statusActionOf.${action}`, { name })}
        onClick={() =>
          void submit(async () => {
            await api(`/api/operator/resellers/${encodeURIComponent(resellerId)}`, { method: 'PATCH', json: { status: next } });
            router.refresh();
          })
        }
      >
        {t(`statusAction.${action}`)}
      </Button>
      <FormAlert message={alert} />
    </div>
  );
}

export function TermsForm({ resellerId, name, terms }: { resellerId: string; name: string; terms: { stripeConnectAccountId: string | null; payoutMinimumCents: number; holdingDays: number } }) {
  const t = useTranslations('reseller.operator');
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      const payoutMinimumCents = dollarsToCents(form.minimum ?? '', 'payoutMinimumCents', t('errors.dollars'));
      await api(`/api/operator/resellers/${encodeURIComponent(resellerId)}`, {
        method: 'PATCH',
        json: { stripeConnectAccountId: form.stripeConnectAccountId ?? '', payoutMinimumCents, holdingDays: Number(form.holdingDays) },
      });
      router.refresh();
      return t('saved');
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label={t('termsOf', { name })}>
      <FormAlert message={alert} />
      <TextField label={t('stripeAccount')} name="stripeConnectAccountId" defaultValue={terms.stripeConnectAccountId ?? ''} placeholder={t('stripeAccountPlaceholder')} dir="ltr" error={errors.stripeConnectAccountId} className="w-44" />
      <TextField label={t('minimum')} name="minimum" defaultValue={(terms.payoutMinimumCents / 100).toFixed(2)} error={errors.payoutMinimumCents} className="w-28" />
      <TextField label={t('holdingDays')} name="holdingDays" inputMode="numeric" defaultValue={String(terms.holdingDays)} error={errors.holdingDays} className="w-28" />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t('saving') : t('saveTerms')}
      </Button>
      <FormStatus message={status} />
    </form>
  );
}

export function PlanFloorForm({ planId, planName, floorCents }: { planId: string; planName: string; floorCents: number | null }) {
  const t = useTranslations('reseller.operator');
  const fmt = useFormat();
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      const text = (form.floor ?? '').trim();
      const floor = text === '' ? null : dollarsToCents(text, 'floorCents', t('errors.floor'));
      await api(`/api/operator/plans/${encodeURIComponent(planId)}`, { method: 'PATCH', json: { floorCents: floor } });
      router.refresh();
      return floor === null ? t('floorNone') : t('floorSet', { amount: fmt.money(floor, PLATFORM_CURRENCY) });
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label={t('floorOf', { plan: planName })}>
      <TextField
        label={t('floorLabel', { plan: planName })}
        name="floor"
        inputMode="decimal"
        defaultValue={floorCents === null ? '' : (floorCents / 100).toFixed(2)}
        error={errors.floorCents ?? alert ?? undefined}
        hint={t('floorHint')}
        className="w-56"
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t('saving') : t('setFloor')}
      </Button>
      <FormStatus message={status} />
    </form>
  );
}

export function PayoutReferenceForm({ payoutId, label }: { payoutId: string; label: string }) {
  const t = useTranslations('reseller.operator');
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      await api(`/api/operator/payouts/${encodeURIComponent(payoutId)}`, { method: 'PATCH', json: { reference: form.reference } });
      router.refresh();
      return t('recordedPaid');
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label={t('recordPaymentOf', { label })}>
      <TextField label={t('transferReference')} name="reference" required error={errors.reference ?? alert ?? undefined} className="w-56" />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t('saving') : t('markPaid')}
      </Button>
      <FormStatus message={status} />
    </form>
  );
}
